"""`python -m mockint.grading list|grade ...`: the judge's commands without the app's CLI."""

import argparse
import sys

from mockint.grading.commands import grade_file, problems_list


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m mockint.grading")
    sub = parser.add_subparsers(dest="command", required=True)
    p_list = sub.add_parser("list", help="list the coding problems")
    p_list.add_argument("--json", action="store_true")
    p_grade = sub.add_parser("grade", help="grade a solution file")
    p_grade.add_argument("file")
    p_grade.add_argument("--problem", required=True)
    p_grade.add_argument("--hidden", action="store_true")
    p_grade.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.command == "list":
        return problems_list(args.json)
    return grade_file(args.file, args.problem, args.hidden, args.json)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:  # e.g. piped into `head`
        sys.stderr.close()
        sys.exit(1)
