#!/usr/bin/env python3
"""Checks the layering of core/: every part includes only the parts it declares, and no cycle.

A part is a folder under core/ whose CMakeLists.txt calls ringside_add_core_part(<name> SOURCES ...
DEPENDS ...). A file belongs to the part of the deepest such folder above it (core/engine/nlu/x.h
is part nlu, core/engine/x.h part engine). Two rules, both failing with the offending lines:

  1. An #include "a/b.h" of a header owned by another part needs that part in the includer's
     DEPENDS, written directly (ringside::<part>): the build lets transitive parts through, but
     the DEPENDS list is the part's declared interface and must say what it uses.
  2. The folders under core/ form no include cycle (engine -> llmbrain -> engine is the kind of
     loop this catches), whatever DEPENDS says.

Usage: check_layering.py [REPO_ROOT]           (default: two folders above this script)
       check_layering.py --graph [REPO_ROOT]   prints each part's declared DEPENDS, lowest first
"""

import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)
PART_CALL = re.compile(r'ringside_add_core_part\s*\(\s*([A-Za-z0-9_]+)(.*?)\)\s*$', re.DOTALL | re.MULTILINE)
DEPENDENCY = re.compile(r'ringside::([A-Za-z0-9_]+)')
SOURCE_SUFFIXES = ('.h', '.hpp', '.cpp')


def read(path):
    with open(path, encoding='utf-8') as f:
        return f.read()


def strip_comments(cmake_text):
    return '\n'.join(line.split('#', 1)[0] for line in cmake_text.splitlines())


def find_parts(core):
    """Maps folder (relative to core/, '/'-separated) -> (part name, declared dependencies)."""
    parts = {}
    for folder, _dirs, files in os.walk(core):
        if 'CMakeLists.txt' not in files:
            continue
        text = strip_comments(read(os.path.join(folder, 'CMakeLists.txt')))
        for match in PART_CALL.finditer(text):
            name, body = match.group(1), match.group(2)
            depends = set()
            if 'DEPENDS' in body:
                depends = set(DEPENDENCY.findall(body.split('DEPENDS', 1)[1]))
            rel = os.path.relpath(folder, core).replace(os.sep, '/')
            parts[rel] = (name, depends)
    return parts


def owner(rel_path, parts):
    """The folder of the part that owns a file (relative to core/), or None."""
    folder = os.path.dirname(rel_path)
    while True:
        if folder in parts:
            return folder
        if not folder:
            return None
        folder = os.path.dirname(folder)


def find_cycle(graph):
    """One cycle in a {node: set(nodes)} graph as a list of nodes, or None."""
    state = {}
    stack = []

    def visit(node):
        state[node] = 'open'
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == 'open':
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 'done'
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def check(root):
    core = os.path.join(root, 'core')
    parts = find_parts(core)
    if not parts:
        return ['no ringside_add_core_part() found under %s' % core]
    problems = []
    graph = {folder: set() for folder in parts}
    for folder, _dirs, files in os.walk(core):
        for name in sorted(files):
            if not name.endswith(SOURCE_SUFFIXES):
                continue
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, core).replace(os.sep, '/')
            mine = owner(rel, parts)
            if mine is None:
                problems.append('%s: belongs to no part (no ringside_add_core_part above it)' % rel)
                continue
            text = read(path)
            for match in INCLUDE.finditer(text):
                target = match.group(1)
                line = text.count('\n', 0, match.start()) + 1
                local = os.path.normpath(os.path.join(os.path.dirname(rel), target)).replace(os.sep, '/')
                if os.path.isfile(os.path.join(core, local)) and owner(local, parts) == mine:
                    continue  # a sibling header of the same part
                if not os.path.isfile(os.path.join(core, target)):
                    continue  # not a core header (Qt, system, generated)
                theirs = owner(target, parts)
                if theirs is None or theirs == mine:
                    continue
                graph[mine].add(theirs)
                my_name, my_depends = parts[mine]
                their_name = parts[theirs][0]
                if their_name not in my_depends:
                    problems.append('core/%s:%d: includes "%s" of part %s, which %s does not declare in DEPENDS'
                                    % (rel, line, target, their_name, my_name))
    cycle = find_cycle(graph)
    if cycle:
        problems.append('include cycle between folders of core/: %s'
                        % ' -> '.join('core/' + folder for folder in cycle))
    return problems


def print_graph(root):
    parts = find_parts(os.path.join(root, 'core'))
    depends = {name: deps & {n for n, _ in parts.values()} for name, deps in parts.values()}
    folder = {name: f for f, (name, _) in parts.items()}
    done = []
    while len(done) < len(depends):
        ready = sorted(n for n in depends if n not in done and depends[n] <= set(done))
        if not ready:
            break  # a cycle: the check reports it
        for name in ready:
            below = sorted(depends[name], key=done.index)
            print('%-13s core/%-18s -> %s' % (name, folder[name], ', '.join(below) if below else '(Qt, libraries)'))
        done += ready


def main(argv):
    args = argv[1:]
    graph = '--graph' in args
    args = [a for a in args if a != '--graph']
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
    if graph:
        print_graph(os.path.abspath(root))
        return 0
    problems = check(os.path.abspath(root))
    for problem in problems:
        print(problem)
    if problems:
        print('layering: %d problem(s)' % len(problems))
        return 1
    print('layering: no undeclared include and no cycle between the parts of core/')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
