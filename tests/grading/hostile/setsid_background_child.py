# problem: prune-weights
# expect: verdict=accepted
# expect-one-process: verdict=runtime_error
import torch


def _prune(w, t):
    if t < 0:
        raise ValueError("negative")
    return torch.where(w.abs() >= t, w, torch.zeros_like(w))

import os
import time


def prune_weights(weights, threshold):
    # A detached grandchild that tries to outlive the run and touch the host later.
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(0.5)
            for _ in range(100):
                try:
                    open('{{SENTINEL_DIR}}/late.txt', 'w').write('escaped')
                except OSError:
                    pass
                time.sleep(0.05)
        os._exit(0)
    return _prune(weights, threshold)
