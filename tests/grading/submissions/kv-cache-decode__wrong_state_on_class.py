# problem: kv-cache-decode
# expect: verdict=wrong_answer
import math

import torch


class KVCache:
    keys, values = [], []  # shared by every cache: a second one sees the first one's tokens

    def __init__(self, max_len):
        if max_len < 1:
            raise ValueError("max_len")
        self.max_len = max_len

    def length(self):
        return len(self.keys)

    def _add(self, ks, vs):
        if self.keys and (ks[0].shape != self.keys[0].shape):
            raise ValueError("shape")
        if len(self.keys) + len(ks) > self.max_len:
            raise ValueError("full")
        self.keys.extend(ks)
        self.values.extend(vs)

    def prefill(self, k, v):
        if k.dim() != 4 or k.shape != v.shape or k.shape[2] < 1:
            raise ValueError("shape")
        self._add(list(k.unbind(2)), list(v.unbind(2)))

    def step(self, q, k, v):
        if q.dim() != 3 or not q.shape == k.shape == v.shape:
            raise ValueError("shape")
        self._add([k], [v])
        K, V = torch.stack(self.keys, 2), torch.stack(self.values, 2)
        w = torch.softmax(torch.einsum("bhd,bhld->bhl", q, K) / math.sqrt(q.shape[-1]), -1)
        return torch.einsum("bhl,bhld->bhd", w, V)
