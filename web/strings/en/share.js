export const share = {
  button: 'Share',
  title: 'Share this example',
  link: 'Link to this example and this step',
  iframe: 'Code to embed it in a course page',
  iframeTitle: 'Interactive backpropagation',
  copied: 'Copied to the clipboard: the link and the iframe code.',
  copyByHand: 'Select and copy the link or the code.',
  tooLong: 'This scenario is too large to fit in a link: the link carries only the step and opens the lesson’s example. To share it, copy its values by hand (scenario files will come later).',
  close: 'Close',
};
