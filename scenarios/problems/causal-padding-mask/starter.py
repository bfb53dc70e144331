import torch


def causal_padding_softmax(
    scores: torch.Tensor, attention_mask: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    raise NotImplementedError
