// The page's own status line, from the loader's `fittingroom:*` events.
const status = document.getElementById('tryon-status');
document.addEventListener('fittingroom:state', (event) => {
  status.textContent = event.detail.value;
});
document.addEventListener('fittingroom:uploaded', (event) => {
  status.textContent = `shared ${event.detail.value.uploadId}`;
});
document.addEventListener('fittingroom:error', (event) => {
  status.textContent = `error ${event.detail.value.code}`;
});
