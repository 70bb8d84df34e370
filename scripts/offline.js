// Offline use and new versions: loaded by start.js (written by
// scripts/build-app.sh) at the user's first touch of the page or ten
// seconds after it opened, whichever comes first.

// The service worker (sw.js, written by scripts/write-sw.sh) keeps the
// app's own files in the browser, so that after the first visit it opens
// and computes with no network. A new version is fetched in the background
// on a later visit and used from the visit after (or at once, on asking):
// the page says so in #app-status.
export function keepOffline() {
  if (!('serviceWorker' in navigator) || !location.protocol.startsWith('http')) return;
  // Its styles, beside this file.
  const styles = document.createElement('link');
  styles.rel = 'stylesheet';
  styles.href = new URL('./offline.css', import.meta.url).href;
  document.head.append(styles);
  // Made here, after the app has taken the page's body.
  const status = document.createElement('p');
  status.id = 'app-status';
  status.className = 'app-status';
  status.setAttribute('role', 'status');
  status.dataset.testid = 'app-status';
  status.hidden = true;
  document.body.append(status);
  const say = (text, button) => {
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Dismiss';
    close.addEventListener('click', () => { status.hidden = true; });
    status.replaceChildren(text, ' ');
    if (button) status.append(button, ' ');
    status.append(close);
    status.hidden = false;
  };
  const hadController = !!navigator.serviceWorker.controller;
  // This tab asked for the new version, and reloads when it takes over.
  let reloading = false;
  const ready = (worker) => {
    const now = document.createElement('button');
    now.type = 'button';
    now.textContent = 'Use it now';
    now.dataset.testid = 'use-new-version';
    now.addEventListener('click', () => {
      reloading = true;
      navigator.serviceWorker.addEventListener('controllerchange', () => location.reload(), { once: true });
      worker.postMessage('skip-waiting');
    });
    say('A new version of the calculator has been downloaded: it opens on your next visit (once every tab of it is closed).', now);
  };
  // A new version taken up in another tab: this one still runs the old
  // (its files are kept), and is told.
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (!hadController || reloading) return;
    const reload = document.createElement('button');
    reload.type = 'button';
    reload.textContent = 'Reload';
    reload.addEventListener('click', () => location.reload());
    say('A new version of the calculator is in use in another tab: reload this one to use it too (your work is saved).', reload);
  });
  navigator.serviceWorker.register('./sw.js').then((reg) => {
    if (reg.waiting && hadController) ready(reg.waiting);
    reg.addEventListener('updatefound', () => {
      const worker = reg.installing;
      if (!worker) return;
      worker.addEventListener('statechange', () => {
        if (worker.state === 'installed' && hadController) ready(worker);
        if (worker.state === 'activated' && !hadController) {
          say('Kept in this browser for offline use: from now on the calculator opens with no network.');
          status.dataset.offline = 'ready';
        }
      });
    });
  }).catch((e) => console.warn('offline use not available:', e));
}
