# problem: attention
# expect: verdict=not_vectorized vectorized=bad
import math

import torch


def attention(q, k, v, mask=None):
    out = torch.empty(q.shape[0], q.shape[1], v.shape[2], dtype=q.dtype)
    for b in range(q.shape[0]):
        for t in range(q.shape[1]):
            s = k[b] @ q[b, t] / math.sqrt(q.shape[-1])
            if mask is not None:
                s = s.masked_fill(~mask[t], float("-inf"))
            w = torch.softmax(s, dim=0)
            out[b, t] = w @ v[b]
    return out
