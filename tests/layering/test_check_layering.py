#!/usr/bin/env python3
"""The layering check fails on what it is meant to catch: it runs check_layering.check() on small
made-up trees (an undeclared include, a cycle, a clean tree) and compares what it reports."""

import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_layering  # noqa: E402


def write(root, path, text):
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w', encoding='utf-8') as f:
        f.write(text)


def part(name, depends):
    return 'ringside_add_core_part(%s\n    SOURCES x.cpp\n    DEPENDS %s Qt6::Core)\n' % (
        name, ' '.join('ringside::' + d for d in depends))


class CheckLayering(unittest.TestCase):
    def tree(self, files):
        root = tempfile.mkdtemp()
        for path, text in files.items():
            write(root, path, text)
        return root

    def test_clean_tree_passes(self):
        root = self.tree({
            'core/util/CMakeLists.txt': part('util', []),
            'core/util/clock.h': '#pragma once\n',
            'core/engine/CMakeLists.txt': part('engine', ['util']),
            'core/engine/session.h': '#include "util/clock.h"\n#include "helper.h"\n#include <QString>\n',
            'core/engine/helper.h': '#pragma once\n',
        })
        self.assertEqual(check_layering.check(root), [])

    def test_undeclared_part_is_reported_with_its_line(self):
        root = self.tree({
            'core/util/CMakeLists.txt': part('util', []),
            'core/util/clock.h': '#pragma once\n',
            'core/storage/CMakeLists.txt': part('storage', ['util']),
            'core/storage/db.h': '#pragma once\n',
            'core/engine/CMakeLists.txt': part('engine', ['util']),
            'core/engine/session.cpp': '#include "util/clock.h"\n#include "storage/db.h"\n',
        })
        problems = check_layering.check(root)
        self.assertEqual(len(problems), 1, problems)
        self.assertIn('core/engine/session.cpp:2', problems[0])
        self.assertIn('part storage', problems[0])

    def test_cycle_between_nested_parts_is_reported(self):
        root = self.tree({
            'core/engine/CMakeLists.txt': part('engine', ['llmbrain']),
            'core/engine/brain.h': '#pragma once\n',
            'core/engine/factory.cpp': '#include "engine/llmbrain/llmbrain.h"\n',
            'core/engine/llmbrain/CMakeLists.txt': part('llmbrain', ['engine']),
            'core/engine/llmbrain/llmbrain.h': '#include "engine/brain.h"\n',
        })
        problems = check_layering.check(root)
        self.assertTrue(any('include cycle' in p and 'core/engine/llmbrain' in p for p in problems), problems)

    def test_a_nested_part_does_not_own_its_parents_files(self):
        root = self.tree({
            'core/engine/CMakeLists.txt': part('engine', []),
            'core/engine/session.h': '#pragma once\n',
            'core/engine/nlu/CMakeLists.txt': part('nlu', []),
            'core/engine/nlu/analyser.cpp': '#include "engine/session.h"\n',
        })
        problems = check_layering.check(root)
        self.assertEqual(len(problems), 1, problems)
        self.assertIn('part engine, which nlu does not declare', problems[0])


if __name__ == '__main__':
    unittest.main()
