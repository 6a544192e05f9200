// The camera of the edgelite PWA: getUserMedia into a <video>, rear camera
// preferred, switchable. Reports its state as the contract's
// body[data-camera] values: starting | on | denied | unavailable
// ("paused" is the app's, not the camera's: the stream keeps running).

export class Camera {
  /** @param {HTMLVideoElement} video @param {(state: string, detail?: string) => void} onState */
  constructor(video, onState) {
    this.video = video;
    this.onState = onState;
    this.facing = 'environment';
    this.stream = null;
    this.state = 'starting';
    this.attempt = 0;
  }

  get supported() {
    return !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia);
  }

  #set(state, detail) {
    this.state = state;
    this.onState(state, detail);
  }

  stop() {
    if (this.stream) for (const track of this.stream.getTracks()) track.stop();
    this.stream = null;
    this.video.srcObject = null;
  }

  /** Starts (or restarts) the camera facing this.facing. Resolves to the state. */
  async start() {
    const attempt = ++this.attempt;
    this.#set('starting');
    this.stop();
    if (!this.supported) {
      this.#set('unavailable', window.isSecureContext
        ? 'This browser cannot use a camera.'
        : 'The camera needs a secure (https) page.');
      return this.state;
    }
    let stream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        audio: false,
        video: { facingMode: { ideal: this.facing }, width: { ideal: 1280 }, height: { ideal: 960 } },
      });
    } catch (e) {
      if (attempt !== this.attempt) return this.state;
      const name = e?.name ?? '';
      if (name === 'NotAllowedError' || name === 'SecurityError' || name === 'PermissionDeniedError') {
        this.#set('denied', 'Camera access was refused.');
      } else if (name === 'NotReadableError' || name === 'AbortError') {
        this.#set('unavailable', 'The camera is in use by another app or cannot be opened.');
      } else {
        this.#set('unavailable', 'No camera was found on this device.');
      }
      return this.state;
    }
    if (attempt !== this.attempt) {
      for (const track of stream.getTracks()) track.stop();
      return this.state;
    }
    this.stream = stream;
    const [track] = stream.getVideoTracks();
    track?.addEventListener('ended', () => {
      if (this.stream === stream) this.#set('unavailable', 'The camera was disconnected.');
    });
    const settings = track?.getSettings?.() ?? {};
    // Mirror the preview of a front camera (what people expect of a selfie view).
    this.video.classList.toggle('mirrored', settings.facingMode === 'user');
    this.video.srcObject = stream;
    try {
      await this.video.play();
    } catch {
      // autoplay of a muted inline video is allowed; a failure here shows up as no frames
    }
    if (this.video.readyState < 2) {
      // The first frame; a camera that never delivers one still counts as on after a while.
      await new Promise((resolve) => {
        this.video.addEventListener('loadeddata', resolve, { once: true });
        setTimeout(resolve, 5000);
      });
    }
    if (attempt !== this.attempt) return this.state;
    this.#set('on');
    return this.state;
  }

  /** Front ↔ rear. */
  async switch() {
    this.facing = this.facing === 'environment' ? 'user' : 'environment';
    return this.start();
  }

  /** Resolves at the next video frame (or after `timeoutMs` if none is presented). */
  nextFrame(timeoutMs = 250) {
    return new Promise((resolve) => {
      let done = false;
      const finish = () => {
        if (!done) {
          done = true;
          resolve();
        }
      };
      if (this.video.requestVideoFrameCallback) this.video.requestVideoFrameCallback(finish);
      else requestAnimationFrame(finish);
      setTimeout(finish, timeoutMs);
    });
  }
}
