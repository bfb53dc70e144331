"""The local judge: problems, a sandboxed grading worker, and the client the app uses.

Importing this package (or `client`, `commands`, `problems`) never imports NumPy or torch;
only the worker process does.
"""
