import torch


def apply_rope(
    q: torch.Tensor, k: torch.Tensor, positions: torch.Tensor, base: float = 10000.0
) -> tuple[torch.Tensor, torch.Tensor]:
    raise NotImplementedError
