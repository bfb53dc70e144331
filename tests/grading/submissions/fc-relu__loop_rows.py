# problem: fc-relu
# expect: verdict=not_vectorized vectorized=bad
import torch


class FullyConnectedReLU(torch.nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        self.weight = torch.nn.Parameter(torch.empty(out_features, in_features))
        self.bias = torch.nn.Parameter(torch.zeros(out_features))
        torch.nn.init.kaiming_normal_(self.weight, nonlinearity="relu")

    def forward(self, x):
        rows = [torch.relu(self.weight @ row + self.bias) for row in x]
        return torch.stack(rows)
