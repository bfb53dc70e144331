# problem: prune-weights
# expect: verdict=runtime_error
# A result written straight to the frame pipe, then os._exit: the runner did not end with the
# request's seal, so the judge does not believe the frame (no result: a runtime error).
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

import os


def prune_weights(weights, threshold):
    os.write(3, b'I\nR {"status": "ok", "results": [{"value": true, "args": []}]}\n')
    os._exit(0)
