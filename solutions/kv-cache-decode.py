import math

import torch


class KVCache:
    """Preallocated (B, H, max_len, d) key and value buffers and a write position."""

    def __init__(self, max_len: int):
        if max_len < 1:
            raise ValueError("max_len must be at least 1")
        self.max_len = max_len
        self.keys: torch.Tensor | None = None
        self.values: torch.Tensor | None = None
        self.size = 0

    def length(self) -> int:
        return self.size

    def _append(self, k: torch.Tensor, v: torch.Tensor) -> None:
        """k, v: (B, H, T, d). Checks everything before writing, so a bad call stores nothing."""
        if k.dim() != 4 or k.shape != v.shape or k.shape[2] < 1:
            raise ValueError(f"keys {tuple(k.shape)} and values {tuple(v.shape)} do not match")
        b, h, t, d = k.shape
        if self.keys is not None and (b, h, d) != tuple(self.keys.shape[i] for i in (0, 1, 3)):
            raise ValueError(f"batch, heads and head size {(b, h, d)} differ from the cache's")
        if self.size + t > self.max_len:
            raise ValueError(f"{t} more positions do not fit: {self.size} of {self.max_len} used")
        if self.keys is None:
            self.keys = k.new_zeros(b, h, self.max_len, d)
            self.values = v.new_zeros(b, h, self.max_len, d)
        assert self.values is not None
        self.keys[:, :, self.size : self.size + t] = k
        self.values[:, :, self.size : self.size + t] = v
        self.size += t

    def prefill(self, k: torch.Tensor, v: torch.Tensor) -> None:
        self._append(k, v)

    def step(self, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
        if q.dim() != 3 or not q.shape == k.shape == v.shape:
            raise ValueError(f"q {tuple(q.shape)}, k {tuple(k.shape)}, v {tuple(v.shape)}")
        self._append(k.unsqueeze(2), v.unsqueeze(2))
        assert self.keys is not None and self.values is not None
        keys = self.keys[:, :, : self.size]  # the new position included
        values = self.values[:, :, : self.size]
        scores = torch.einsum("bhd,bhld->bhl", q, keys) / math.sqrt(q.shape[-1])
        weights = (scores - scores.max(dim=-1, keepdim=True).values).exp()
        weights = weights / weights.sum(dim=-1, keepdim=True)
        return torch.einsum("bhl,bhld->bhd", weights, values)
