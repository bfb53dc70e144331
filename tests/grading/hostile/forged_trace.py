# problem: pairwise-distances
# expect: verdict=not_vectorized vectorized=bad
# While its lines are counted, this loop solution writes the count it would like to have
# on the frame pipe and ends the process: the runner did not end through the judge (the
# seal is missing), so the count is not believed.
import os
import sys

import torch


def pairwise_distances(x):
    if sys.gettrace() is not None:
        os.write(3, b'I\nR {"status": "ok", "lines": [5, 5], "traced": true}\n')
        os._exit(0)
    n = x.shape[0]
    out = torch.zeros(n, n, dtype=x.dtype)
    for i in range(n):
        out[i] = ((x - x[i]) ** 2).sum(dim=1).sqrt()
    return out
