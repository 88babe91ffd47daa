// The page's own state and share outcome lines, from the loader's `fittingroom:*` events.
const state = document.getElementById('tryon-state');
const outcome = document.getElementById('tryon-outcome');
document.addEventListener('fittingroom:state', (event) => {
  state.textContent = event.detail.value;
});
document.addEventListener('fittingroom:uploaded', (event) => {
  outcome.textContent = `shared ${event.detail.value.uploadId}`;
});
document.addEventListener('fittingroom:error', (event) => {
  outcome.textContent = `error ${event.detail.value.code}`;
});
