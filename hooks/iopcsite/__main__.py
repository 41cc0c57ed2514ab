"""Command line: ``python -m iopcsite check|build-site|schemas [ROOT]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from iopcsite.commands.build_site import build_site
from iopcsite.commands.check import run_check
from iopcsite.commands.schemas import stale_schemas, write_schemas
from iopcsite.pdf.print_colour import ProfileMissing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="iopcsite", description="Content tools for the complaints site.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every content file without building")
    check.add_argument("root", nargs="?", default=".", type=Path, help="the project folder (default: here)")
    build = commands.add_parser("build-site", help="build the whole site into site/, strict")
    build.add_argument("root", nargs="?", default=".", type=Path, help="the project folder (default: here)")
    schemas = commands.add_parser("schemas", help="write the editor schemas in schemas/ from the models")
    schemas.add_argument("root", nargs="?", default=".", type=Path, help="the project folder (default: here)")
    schemas.add_argument("--check", action="store_true", help="only report schema files that are out of date")
    argv = sys.argv[1:] if argv is None else argv
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except ProfileMissing as error:  # a machine without the system package, not a mistake in the content
        print(error, file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    if args.command == "build-site":
        return build_site(args.root.resolve())
    if args.command == "schemas":
        return _schemas(args.root.resolve(), args.check)
    return run_check(args.root.resolve())


def _schemas(root: Path, check_only: bool) -> int:
    if check_only:
        stale = stale_schemas(root)
        for path in stale:
            print(f"{path} is out of date: run 'python -m iopcsite schemas' and commit the result.")
        return 1 if stale else 0
    for path in write_schemas(root):
        print(f"wrote {path.relative_to(root).as_posix()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
