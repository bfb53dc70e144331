"""The local judge: problems, a sandboxed grading worker, and the client the app uses.

Public surface: code outside `mockint.grading` may import exactly these modules, none of
which imports NumPy or torch at module level:

- `mockint.grading.client`: `GradingClient`, `GradingRun`, `GradingError` (the app's and the
  CLI's handle on the worker process).
- `mockint.grading.problems`: `Problem`, `ProblemError`, `load_problem`, `list_problems`,
  `problems_dir`, `solutions_dir` (problem metadata, statements, starter code).
- `mockint.grading.commands`: what `mockint problems list` and `mockint grade` do.
- `mockint.grading.text`: `clean` (make text a submission printed safe for a terminal, a
  screen or a report; the pair hub and the reports use it for people's text too).

Everything else in this package is private to it: the worker and everything it runs
(`worker`, `grader`, `advice`, `cases`, `compare`, `values`, `outcome`, `lanes`), the
sandbox (`zygote`, `framing`, `probe`, `live_session`, `session`, `sandbox`, `syscalls`,
`cgroups`, `harness`) and `calibration`. Tests under `tests/grading/` may import any of them.
"""
