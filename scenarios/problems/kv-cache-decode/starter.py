import torch


class KVCache:
    def __init__(self, max_len: int):
        raise NotImplementedError

    def prefill(self, k: torch.Tensor, v: torch.Tensor) -> None:
        raise NotImplementedError

    def step(self, q: torch.Tensor, k: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
        raise NotImplementedError

    def length(self) -> int:
        raise NotImplementedError
