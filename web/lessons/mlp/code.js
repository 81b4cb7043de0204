// Lesson 1's code blocks that read the same in both texts (./text.js, ./text.en.js): their
// comments, if any, need no translation. The others are written in each text, comments translated.

export const modelCode = `import torch
import torch.nn as nn
import torch.optim as optim

class NeuralNetwork(nn.Module):
    def __init__(self, num_inputs, num_hidden, num_outputs):
        super(NeuralNetwork, self).__init__()
        self.hidden_layer = nn.Linear(num_inputs, num_hidden)
        self.output_layer = nn.Linear(num_hidden, num_outputs)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        hidden = self.sigmoid(self.hidden_layer(x))
        output = self.sigmoid(self.output_layer(hidden))
        return output`;
