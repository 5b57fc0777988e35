#!/usr/bin/env python3
"""Man pages and bash completion from the programs' own --help (docs/packaging.md).

The options, commands and subcommands come from running the built binary, so the pages cannot
miss one. The prose around them (what a command is for, exit statuses, environment, files) is
hand-written in packaging/man/<program>.1.in, one block per command after a `.\\" @command NAME`
line. `check` fails when the two drift apart:

  * a command or subcommand in --help has no prose block (write one),
  * a prose block names a command that no longer exists, or an option (\\-\\-name) the command,
    its parent or its subcommands do not have,
  * the generated page lacks a command or an option --help lists (the page is stale or this
    script could not read a new --help layout),
  * an environment variable the sources read is not in the page's ENVIRONMENT section.

  genman.py build  --program P --binary BIN --template T --version V --date D --out P.1 [--completion F]
  genman.py check  --program P --binary BIN --template T --man P.1 [--sources DIR...]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

HELP_OPTIONS = {"help", "help-all", "version", "h", "v"}


# ---------------------------------------------------------------------------------------------
# Reading --help (QCommandLineParser's layout, plus the "Usage: prog cmd <a|b|c>" convention
# commands with subcommands use).

def run_help(binary, args):
    # English whatever the builder's locale or the console's saved language (settings are read from
    # an empty config folder).
    env = dict(os.environ)
    for var in ("LANGUAGE", "LC_MESSAGES", "LANG"):
        env.pop(var, None)
    with tempfile.TemporaryDirectory() as config:
        env.update({"LC_ALL": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": config})
        proc = subprocess.run([binary] + args + ["--help"], capture_output=True, text=True, env=env, timeout=60)
    if proc.returncode != 0:
        raise SystemExit(f"genman: '{' '.join([os.path.basename(binary)] + args)} --help' exited with "
                         f"{proc.returncode}: {proc.stderr.strip()}")
    return proc.stdout


class Command:
    def __init__(self, path, summary=""):
        self.path = path              # ["store", "init"]; [] for the program itself
        self.summary = summary        # one line, from the parent's listing
        self.usage = ""
        self.description = []         # paragraphs
        self.options = []             # (names, value, text)
        self.arguments = []           # (name, text)
        self.subcommands = []         # Command

    @property
    def name(self):
        return " ".join(self.path)

    def option_names(self):
        return {n for names, _, _ in self.options for n in names}

    def walk(self):
        yield self
        for sub in self.subcommands:
            yield from sub.walk()


def sections(text):
    """Splits help text into (heading, lines); the first heading is '' (usage and description)."""
    out = [("", [])]
    for line in text.splitlines():
        m = re.match(r"^([A-Z][A-Za-z ]*):\s*$", line)
        if m:
            out.append((m.group(1), []))
        else:
            out[-1][1].append(line.rstrip())
    return out


def entries(lines):
    """'  name   text' rows (indented 1-4 spaces); deeper-indented lines continue the row above."""
    rows = []
    for line in lines:
        if not line.strip():
            continue
        indent = len(line) - len(line.lstrip(" "))
        m = re.match(r"^ {1,4}(\S.*?)(?: {2,}(\S.*))?$", line)
        if m and indent <= 4:
            rows.append([m.group(1), m.group(2) or ""])
        elif rows:
            rows[-1][1] = (rows[-1][1] + " " + line.strip()).strip()
    return [(name, text) for name, text in rows]


def parse_option(spec):
    """'-h, --help' / '--db <PATH>' → (['h', 'help'], 'PATH')."""
    value = ""
    m = re.search(r"\s<([^>]+)>$", spec)
    if m:
        value = m.group(1)
        spec = spec[: m.start()]
    names = [n.strip().lstrip("-") for n in spec.split(",")]
    return names, value


def synopsis(program, path, usage_line):
    """'Usage: ./bin/ringside-engine [options] [TEXT...]' for `nlu` → 'ringside-engine nlu [options] [TEXT...]'.
    QCommandLineParser prints argv[0] only; commands that write their own usage line name themselves."""
    words = usage_line.split()[1:]
    if words and words[0].endswith(program):
        words = words[1:]
    if words[: len(path)] != path:
        words = path + words
    return " ".join([program] + words)


def read_command(binary, program, cmd):
    text = run_help(binary, cmd.path)
    parts = sections(text)
    head = [l for l in parts[0][1]]
    for line in head:
        if line.startswith("Usage:"):
            cmd.usage = synopsis(program, cmd.path, line)
            break
    body = [l for l in head if not l.startswith("Usage:")]
    # Subcommands: "Usage: prog cmd <a|b|c> …", each listed below as "  a   what it does".
    m = re.match(re.escape(" ".join([program] + cmd.path)) + r" <([a-z][a-z0-9-]*(?:\|[a-z][a-z0-9-]*)+)>", cmd.usage)
    names = m.group(1).split("|") if m else []
    listed = dict(entries([l for l in body if l.startswith("  ")]))
    for heading, lines in parts[1:]:
        if heading in ("Commands", "Subcommands"):
            for name, summary in entries(lines):
                if name not in names:
                    names.append(name)
                listed[name] = summary
    if names:
        for name in names:
            sub = Command(cmd.path + [name], listed.get(name, ""))
            read_command(binary, program, sub)
            cmd.subcommands.append(sub)
        body = [l for l in body if not re.match(r"^ {1,4}(" + "|".join(map(re.escape, names)) + r")\b", l)]
    cmd.description = [p.strip() for p in "\n".join(body).split("\n\n") if p.strip()]
    for heading, lines in parts[1:]:
        if heading == "Options":
            for spec, desc in entries(lines):
                names_, value = parse_option(spec)
                cmd.options.append((names_, value, desc))
        elif heading == "Arguments":
            cmd.arguments = entries(lines)
    if cmd.path and not names and not cmd.options:
        raise SystemExit(f"genman: '{program} {cmd.name} --help' lists neither options nor subcommands; "
                         "genman.py cannot read its layout")
    return cmd


def read_program(binary, program):
    """The program itself is read like a command: its "Commands:" section lists the commands."""
    return read_command(binary, program, Command([]))


# ---------------------------------------------------------------------------------------------
# The template: page text with @COMMANDS@ / @OPTIONS@ / @VERSION@ / @DATE@, then prose blocks.

def read_template(path):
    text = open(path, encoding="utf-8").read()
    marker = re.compile(r'^\.\\" @command (.+)$', re.M)
    first = marker.search(text)
    page = text[: first.start()] if first else text
    blocks = {}
    if first:
        found = list(marker.finditer(text))
        for i, m in enumerate(found):
            end = found[i + 1].start() if i + 1 < len(found) else len(text)
            blocks[m.group(1).strip()] = text[m.end():end].strip("\n")
    return page, blocks


def roff(text):
    text = text.replace("\\", "\\e").replace("-", "\\-")
    return "\n".join(("\\&" + l if l.startswith((".", "'")) else l) for l in text.split("\n"))


def option_item(names, value, text):
    flags = ", ".join(("\\fB\\-" + roff(n) + "\\fR") if len(n) == 1 else ("\\fB\\-\\-" + roff(n) + "\\fR")
                      for n in names)
    if value:
        flags += " \\fI" + roff(value) + "\\fR"
    return f".TP\n{flags}\n{roff(text)}\n"


def render_options(cmd):
    out = ""
    for names, value, text in cmd.options:
        if set(names) <= HELP_OPTIONS:
            continue
        out += option_item(names, value, text)
    for name, text in cmd.arguments:
        out += f".TP\n\\fI{roff(name)}\\fR\n{roff(text)}\n"
    return out


def render_command(program, cmd, blocks, level=0):
    out = f'.SS "{roff(program + " " + cmd.name)}"\n'
    if cmd.usage:
        out += f".nf\n{roff(cmd.usage)}\n.fi\n"
    if cmd.summary:
        out += f".PP\n{roff(cmd.summary[0].upper() + cmd.summary[1:])}.\n" if not cmd.summary.endswith(".") else \
            f".PP\n{roff(cmd.summary)}\n"
    for para in cmd.description:
        out += ".PP\n" + roff(para) + "\n"
    if cmd.name in blocks:
        out += ".PP\n" + blocks[cmd.name].strip() + "\n"
    options = render_options(cmd)
    if options:
        heading = "Options and arguments:" if cmd.arguments else "Options:"
        out += f".PP\n{heading}\n.RS\n" + options + ".RE\n"
    for sub in cmd.subcommands:
        out += render_command(program, sub, blocks, level + 1)
    return out


def build_page(program, top, template, version, date):
    page, blocks = read_template(template)
    commands = "".join(render_command(program, c, blocks) for c in top.subcommands)
    page = page.replace("@COMMANDS@\n", commands).replace("@OPTIONS@\n", render_options(top))
    return page.replace("@VERSION@", version).replace("@DATE@", date)


# ---------------------------------------------------------------------------------------------
# Bash completion, from the same reading.

FILE_VALUES = re.compile(r"(PATH|FILE|DIR|FOLDER)", re.I)


def build_completion(program, top):
    fn = "_" + re.sub(r"[^A-Za-z0-9]", "_", program)
    cases = []
    for cmd in top.walk():
        if not cmd.path:
            continue
        opts = []
        valued_files, valued_dirs, valued_other = [], [], []
        for names, value, _ in cmd.options:
            for n in names:
                flag = ("-" if len(n) == 1 else "--") + n
                opts.append(flag)
                if value:
                    (valued_dirs if re.search(r"DIR|FOLDER", value) else
                     valued_files if FILE_VALUES.search(value) else valued_other).append(flag)
        subs = " ".join(s.path[-1] for s in cmd.subcommands)
        # Arguments written in lower case are words to type ("export calls"); others are files.
        literals = " ".join(n for n, _ in cmd.arguments if re.fullmatch(r"[a-z][a-z0-9-]*", n))
        cases.append((cmd.name, " ".join(opts), subs or literals, valued_files, valued_dirs, valued_other))

    lines = [
        f"# bash completion for {program}: generated from its --help by packaging/man/genman.py; do not edit.",
        f"{fn}()",
        "{",
        "    local cur prev i path=\"\"",
        "    cur=${COMP_WORDS[COMP_CWORD]}",
        "    prev=${COMP_WORDS[COMP_CWORD-1]}",
        "    # The command path so far: the words before the cursor that name commands.",
        "    for ((i = 1; i < COMP_CWORD; i++)); do",
        "        case \"${COMP_WORDS[i]}\" in -*) break ;; esac",
        "        case \"${path:+$path }${COMP_WORDS[i]}\" in",
    ]
    known = " | ".join(f'"{c[0]}"' for c in cases)
    lines += [f"            {known}) path=\"${{path:+$path }}${{COMP_WORDS[i]}}\" ;;",
              "            *) break ;;",
              "        esac",
              "    done",
              "    case \"$path\" in",
              f"        \"\") COMPREPLY=($(compgen -W \"{' '.join(c.path[-1] for c in top.subcommands)} --help --version\" -- \"$cur\")); return ;;"]
    for name, opts, subs, vfiles, vdirs, vother in cases:
        body = []
        if vfiles:
            body.append(f"case \"$prev\" in {'|'.join(vfiles)}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\")); return ;; esac")
        if vdirs:
            body.append(f"case \"$prev\" in {'|'.join(vdirs)}) compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -d -- \"$cur\")); return ;; esac")
        if vother:
            body.append(f"case \"$prev\" in {'|'.join(vother)}) return ;; esac")
        if subs:
            body.append(f"if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"{opts or '--help'}\" -- \"$cur\")); "
                        f"else COMPREPLY=($(compgen -W \"{subs}\" -- \"$cur\")); fi; return")
        else:
            body.append(f"if [[ $cur == -* ]]; then COMPREPLY=($(compgen -W \"{opts}\" -- \"$cur\")); "
                        "else compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\")); fi; return")
        lines.append(f"        \"{name}\")")
        lines += ["            " + b for b in body]
        lines.append("            ;;")
    lines += ["    esac", "}", f"complete -F {fn} {program}", ""]
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# The drift check.

ENV_NAME = re.compile(r'"((?:RINGSIDE|TWILIO|EXOTEL|GOOGLE|GEMINI|OPENAI|DEEPGRAM|CARTESIA|AZURE|SHOPIFY|WOOCOMMERCE)_[A-Z0-9_]+'
                      r'|[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*_(?:API_KEY|KEY|TOKEN|SECRET|PASSWORD))"')


def environment_read(dirs):
    found = set()
    for d in dirs:
        for root, _, files in os.walk(d):
            for f in files:
                if f.endswith((".cpp", ".h")):
                    found |= set(ENV_NAME.findall(open(os.path.join(root, f), encoding="utf-8", errors="replace").read()))
    return found


def man_text(path):
    """The page with roff escapes undone enough to search for names."""
    return open(path, encoding="utf-8").read().replace("\\-", "-").replace("\\e", "\\")


def check(program, top, template, man_path, sources):
    problems = []
    page, blocks = read_template(template)
    text = man_text(man_path)
    commands = {c.name: c for c in top.walk() if c.path}
    for name, cmd in commands.items():
        if name not in blocks:
            problems.append(f"'{program} {name}' is in --help but {os.path.basename(template)} has no "
                            f"'.\\\" @command {name}' block: describe it there (its options are generated)")
        if f'"{program} {name}"'.replace("-", "\\-") not in open(man_path, encoding="utf-8").read():
            problems.append(f"the generated {os.path.basename(man_path)} has no section for '{program} {name}': rebuild it")
        for names, _, _ in cmd.options:
            if set(names) <= HELP_OPTIONS:
                continue
            if not any(("--" + n if len(n) > 1 else "-" + n) in text for n in names):
                problems.append(f"'{program} {name}' option --{names[-1]} is not in {os.path.basename(man_path)}: rebuild it")
    for name, block in blocks.items():
        cmd = commands.get(name)
        if cmd is None:
            problems.append(f"{os.path.basename(template)} describes '{program} {name}', which --help does not list")
            continue
        allowed = set(top.option_names()) | HELP_OPTIONS
        parent = commands.get(" ".join(cmd.path[:-1]))
        for c in [cmd] + list(cmd.walk())[1:] + ([parent] if parent else []):
            allowed |= c.option_names()
        for opt in re.findall(r"\\-\\-([a-z][a-z0-9-]*)", block):
            if opt not in allowed:
                problems.append(f"{os.path.basename(template)}: the '{name}' block mentions --{opt}, which "
                                f"'{program} {name} --help' does not list")
    if not blocks:   # a program without commands: check its own options against the prose
        for opt in re.findall(r"\\-\\-([a-z][a-z0-9-]*)", page):
            if opt not in top.option_names() | HELP_OPTIONS:
                problems.append(f"{os.path.basename(template)} mentions --{opt}, which '{program} --help' does not list")
        for names, _, _ in top.options:
            if not set(names) <= HELP_OPTIONS and not any(("--" + n) in text for n in names if len(n) > 1):
                problems.append(f"option --{names[-1]} is not in {os.path.basename(man_path)}: rebuild it")
    if sources:
        env_section = re.search(r"^\.SH ENVIRONMENT$(.*?)^\.SH ", text, re.M | re.S)
        env_text = env_section.group(1) if env_section else ""
        for var in sorted(environment_read(sources)):
            if var not in env_text:
                problems.append(f"the sources read the environment variable {var}, but the ENVIRONMENT section "
                                f"of {os.path.basename(template)} does not mention it")
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["build", "check"])
    ap.add_argument("--program", required=True)
    ap.add_argument("--binary", required=True)
    ap.add_argument("--template", required=True)
    ap.add_argument("--version", default="")
    ap.add_argument("--version-file", help="CMake file setting RINGSIDE_DEB_VERSION")
    ap.add_argument("--date", default="")
    ap.add_argument("--out")
    ap.add_argument("--completion")
    ap.add_argument("--man")
    ap.add_argument("--sources", nargs="*", default=[])
    a = ap.parse_args()
    top = read_program(a.binary, a.program)
    if a.mode == "build":
        version = a.version
        if a.version_file:
            m = re.search(r'RINGSIDE_DEB_VERSION "([^"]*)"', open(a.version_file).read())
            version = m.group(1) if m else version
        open(a.out, "w", encoding="utf-8").write(build_page(a.program, top, a.template, version, a.date))
        if a.completion:
            open(a.completion, "w", encoding="utf-8").write(build_completion(a.program, top))
        return 0
    problems = check(a.program, top, a.template, a.man, a.sources)
    for p in problems:
        print(f"{a.program}: {p}", file=sys.stderr)
    if not problems:
        n = sum(1 for c in top.walk() if c.path)
        print(f"{a.program}: man page matches --help ({n} commands, "
              f"{sum(len(c.options) for c in top.walk())} options)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
