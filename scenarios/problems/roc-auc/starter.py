def roc_auc(labels: list[int], scores: list[float]) -> float:
    raise NotImplementedError
