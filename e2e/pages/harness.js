// Harness self-test page: lets the test make requests from a worker and read the fake camera.
window.harness = {
  workerFetch(url) {
    const source = `fetch(${JSON.stringify(url)}).catch(() => {}).finally(() => postMessage('done'));`;
    const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
    return new Promise((resolve) => {
      worker.onmessage = () => {
        worker.terminate();
        resolve();
      };
    });
  },
  async cameraSize() {
    const stream = await navigator.mediaDevices.getUserMedia({ video: true });
    const video = document.getElementById('video');
    video.srcObject = stream;
    await new Promise((resolve) => {
      video.onloadedmetadata = resolve;
    });
    const size = [video.videoWidth, video.videoHeight];
    for (const track of stream.getTracks()) track.stop();
    return size;
  },
};
