// Service-worker registration and the "update available — reload" flow:
// a new worker that is installed while another controls the page waits;
// #update-banner appears; #reload tells it to skipWaiting and the page reloads
// when it takes control (controllerchange).
import { $, setBody } from './ui.js';

const UPDATE_CHECK_MS = 30 * 60 * 1000;

export async function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) {
    setBody('sw', 'unsupported');
    return null;
  }
  let reloadRequested = false;
  let waiting = null;

  const showBanner = (worker) => {
    waiting = worker;
    $('update-banner').hidden = false;
    setBody('update', 'available');
  };

  $('reload').addEventListener('click', () => {
    if (!waiting) return location.reload();
    reloadRequested = true;
    $('reload').disabled = true;
    $('reload').textContent = 'Updating…';
    waiting.postMessage({ type: 'SKIP_WAITING' });
  });

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // The first install also takes control (clients.claim): no reload then.
    if (reloadRequested) location.reload();
    else setBody('sw', 'active');
  });

  let registration;
  try {
    registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  } catch (e) {
    console.warn(`[edgelite] service worker registration failed: ${e.message}`);
    setBody('sw', 'failed');
    return null;
  }

  const track = (worker) => {
    if (!worker) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' && navigator.serviceWorker.controller) showBanner(worker);
      if (worker.state === 'activated' && navigator.serviceWorker.controller === worker) setBody('sw', 'active');
      if (worker.state === 'redundant' && worker === waiting) $('update-banner').hidden = true;
      if (worker.state === 'redundant' && !navigator.serviceWorker.controller) setBody('sw', 'failed');
    });
  };

  // A worker already waiting (installed in an earlier visit).
  if (registration.waiting && navigator.serviceWorker.controller) showBanner(registration.waiting);
  if (registration.installing) {
    setBody('sw', navigator.serviceWorker.controller ? 'active' : 'installing');
    track(registration.installing);
  } else if (navigator.serviceWorker.controller) {
    setBody('sw', 'active');
  }
  registration.addEventListener('updatefound', () => track(registration.installing));

  // Look for updates now and then, and when the app comes back to the foreground.
  const check = () => registration.update().catch(() => {});
  setInterval(check, UPDATE_CHECK_MS);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  navigator.serviceWorker.ready.then(() => {
    if (navigator.serviceWorker.controller) setBody('sw', 'active');
  });
  return registration;
}
