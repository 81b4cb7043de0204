// Lesson 2's code blocks that read the same in both texts (./text.js, ./text.en.js): their
// comments, if any, need no translation. The others are written in each text, comments translated.

export const lossCode = `def compute_loss(ys, ts):
    return 0.5 * torch.sum((ys - ts)**2)`;

export const autogradCode = `loss.backward()

print(rnn.cell.U.grad)
print(rnn.cell.V.grad)
print(rnn.cell.W.grad)`;

export const compareCode = `print(rnn.cell.U_grad)
print(rnn.cell.V_grad)
print(rnn.cell.W_grad)`;
