// Lesson 3's display formula by name, written once for both texts (./text.js in Spanish,
// ./text.en.js in English). tests/web/lesson-texts-languages.test.js checks that every display
// formula comes from here.

// Display TeX is written raw so that backslashes stay single.
const tex = String.raw;

export const batchNorm = tex`\hat{z} = \frac{z - \mu_B}{\sqrt{\sigma_B^2 + \epsilon}}, \qquad y = \gamma \hat{z} + \beta`;
