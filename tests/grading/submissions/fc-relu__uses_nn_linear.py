# problem: fc-relu
# expect: verdict=runtime_error
# expect-message: the statement rules out (“Write a `torch.nn.Module` without using `torch.nn.Linear`”)
import torch


class FullyConnectedReLU(torch.nn.Module):
    def __init__(self, in_features, out_features):
        super().__init__()
        layer = torch.nn.Linear(in_features, out_features)
        self.weight = layer.weight
        self.bias = layer.bias

    def forward(self, x):
        return torch.relu(x @ self.weight.T + self.bias)
