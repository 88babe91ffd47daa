// Demo store page script: the "Your try-on data" panel. It talks to the try-on only through
// the loader's `window.FittingRoom` and its `fittingroom:*` events, as any retailer page can.
// Without the loader (blocked, failed) the panel simply stays hidden.

const $ = (id) => document.getElementById(id);
const dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || 'en', {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const formatDate = (iso) => dateFormat.format(new Date(iso));
const objectUrls = [];

function say(text) {
  $('tryon-status').textContent = text;
}

function clearView() {
  for (const url of objectUrls.splice(0)) URL.revokeObjectURL(url);
  $('data-view').replaceChildren();
}

/** Runs a panel action with its button disabled; failures are told, never thrown. */
async function act(button, action) {
  button.disabled = true;
  try {
    const tryOn = await window.FittingRoom.tryOn();
    await action(tryOn);
  } catch (error) {
    say(`That did not work: ${error?.message ?? String(error)}`);
  } finally {
    button.disabled = false;
  }
}

async function thumbnail(tryOn, upload) {
  if (typeof tryOn.exportImage !== 'function') return null;
  try {
    const url = URL.createObjectURL(await tryOn.exportImage(upload.imageUrl));
    objectUrls.push(url);
    const img = document.createElement('img');
    img.src = url;
    img.alt = `Your photo with ${upload.productId}`;
    return img;
  } catch {
    return null;
  }
}

async function showData(tryOn) {
  const data = await tryOn.exportMyData();
  clearView();
  const view = $('data-view');
  const uploads = data?.uploads ?? [];
  const heading = document.createElement('h3');
  heading.textContent = `Photos stored on our server: ${uploads.length}`;
  view.append(heading);
  if (uploads.length === 0) {
    const none = document.createElement('p');
    none.textContent = 'Nothing you shared from this browser is stored.';
    view.append(none);
  } else {
    const list = document.createElement('ul');
    list.id = 'my-uploads';
    for (const upload of uploads) {
      const item = document.createElement('li');
      item.dataset.uploadId = upload.uploadId;
      const text = document.createElement('span');
      text.textContent = `${upload.productId}: photo taken ${formatDate(upload.capturedAt)}, deleted on ${formatDate(upload.expiresAt)}`;
      const img = await thumbnail(tryOn, upload);
      if (img) item.append(img);
      item.append(text);
      list.append(item);
    }
    view.append(list);
  }
  if (data) {
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
    );
    objectUrls.push(url);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'my-try-on-data.json';
    link.textContent = 'Download a copy of my data (JSON)';
    view.append(link);
  }
  say(`Your data: ${uploads.length} photo${uploads.length === 1 ? '' : 's'} stored.`);
}

function listen() {
  document.addEventListener('fittingroom:state', (event) => {
    // Exposed for styling and for the end-to-end tests.
    document.documentElement.dataset.tryonState = event.detail.value;
  });
  document.addEventListener('fittingroom:upload-progress', (event) => {
    const { loaded, total } = event.detail.value;
    $('upload').hidden = false;
    $('upload-progress').value = total > 0 ? Math.round((loaded / total) * 100) : 0;
  });
  document.addEventListener('fittingroom:uploaded', (event) => {
    $('upload-progress').value = 100;
    $('upload').hidden = true;
    say(
      `Your photo was shared. It will be deleted on ${formatDate(event.detail.value.expiresAt)}.`,
    );
  });
  document.addEventListener('fittingroom:withdrawn', () => {
    $('upload').hidden = true;
    say('Consent withdrawn: the camera is off and we were asked to erase what you shared.');
  });
  document.addEventListener('fittingroom:error', (event) => {
    $('upload').hidden = true;
    say(`Try-on problem: ${event.detail.value?.message ?? 'unknown error'}`);
  });
}

function start() {
  $('my-data').hidden = false;
  $('show-data').addEventListener('click', (e) => act(e.currentTarget, showData));
  $('erase-data').addEventListener('click', (e) =>
    act(e.currentTarget, async (tryOn) => {
      await tryOn.eraseMyData();
      clearView();
      say('Everything you shared has been erased.');
    }),
  );
  $('withdraw').addEventListener('click', (e) =>
    act(e.currentTarget, async (tryOn) => {
      await tryOn.withdraw();
      say('Consent withdrawn: the camera is off and we were asked to erase what you shared.');
    }),
  );
  listen();
}

if (window.FittingRoom) start();
else document.addEventListener('fittingroom:ready', start, { once: true });
