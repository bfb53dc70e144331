# problem: kv-cache-decode
# expect: verdict=not_vectorized vectorized=bad
import math

import torch


class KVCache:
    """Right answers, but keys and values live in Python lists scanned one position at a time."""

    def __init__(self, max_len):
        if max_len < 1:
            raise ValueError("max_len")
        self.max_len, self.keys, self.values = max_len, [], []

    def length(self):
        return len(self.keys)

    def _check(self, k, v, count):
        if k.shape != v.shape:
            raise ValueError("shapes")
        if self.keys and (k.shape[:2] != self.keys[0].shape[:2] or k.shape[-1] != self.keys[0].shape[-1]):
            raise ValueError("shape")
        if len(self.keys) + count > self.max_len:
            raise ValueError("full")

    def prefill(self, k, v):
        if k.dim() != 4 or k.shape[2] < 1:
            raise ValueError("shape")
        self._check(k[:, :, 0], v[:, :, 0], k.shape[2])
        for t in range(k.shape[2]):
            self.keys.append(k[:, :, t])
            self.values.append(v[:, :, t])

    def step(self, q, k, v):
        if q.shape != k.shape:
            raise ValueError("shapes")
        self._check(k, v, 1)
        self.keys.append(k)
        self.values.append(v)
        scores = []
        for key in self.keys:
            scores.append((q * key).sum(-1) / math.sqrt(q.shape[-1]))
        weights = torch.softmax(torch.stack(scores, dim=-1), dim=-1)
        out = torch.zeros_like(q)
        for i, value in enumerate(self.values):
            out = out + weights[..., i : i + 1] * value
        return out
