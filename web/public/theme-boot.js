// Before the first paint, so a dark page never flashes light. Loaded as a file (not inline) so
// the Content Security Policy can refuse every inline script.
(() => {
  let t = localStorage.getItem('relpack.theme');
  if (t !== 'light' && t !== 'dark')
    t = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  document.documentElement.dataset.theme = t;
})();
