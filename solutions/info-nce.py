import torch


def _cross_entropy_diagonal(logits: torch.Tensor) -> torch.Tensor:
    """Mean over rows of logsumexp(row) - row[i]: row i's target is column i."""
    top = logits.max(dim=1, keepdim=True).values
    lse = top.squeeze(1) + (logits - top).exp().sum(dim=1).log()
    return (lse - logits.diagonal()).mean()


def info_nce(
    queries: torch.Tensor, keys: torch.Tensor, temperature: float, symmetric: bool = False
) -> torch.Tensor:
    if queries.dim() != 2 or queries.shape != keys.shape or queries.shape[0] == 0:
        raise ValueError(f"queries {tuple(queries.shape)} and keys {tuple(keys.shape)}")
    if temperature <= 0:
        raise ValueError("temperature must be positive")
    q = queries / queries.norm(dim=1, keepdim=True).clamp_min(1e-12)
    k = keys / keys.norm(dim=1, keepdim=True).clamp_min(1e-12)
    logits = q @ k.T / temperature
    loss = _cross_entropy_diagonal(logits)
    if symmetric:
        loss = (loss + _cross_entropy_diagonal(logits.T)) / 2
    return loss
