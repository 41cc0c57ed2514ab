"""Command line: ``python -m iopcsite check [ROOT]``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .check import run_check
from .sitebuild import build_site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="iopcsite", description="Content tools for the complaints site.")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="validate every content file without building")
    check.add_argument("root", nargs="?", default=".", type=Path, help="the project folder (default: here)")
    build = commands.add_parser("build-site", help="build the whole site into site/, strict")
    build.add_argument("root", nargs="?", default=".", type=Path, help="the project folder (default: here)")
    commands.add_parser("bench", help="measure build speed at scale and page weight (make bench)", add_help=False)
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["bench"]:
        from .bench import main as bench_main
        return bench_main(argv[1:])
    args = parser.parse_args(argv)
    if args.command == "build-site":
        return build_site(args.root.resolve())
    return run_check(args.root.resolve())


if __name__ == "__main__":
    sys.exit(main())
