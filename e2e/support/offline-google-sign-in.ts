// "Continue with Google" against the Auth emulator without the internet. The emulator serves its
// own fake Google sign-in page (/emulator/auth/handler) and helper iframe (/emulator/auth/iframe),
// but both pages — and the Firebase JS SDK in the app — load Google's `gapi` iframe-messaging
// library from https://apis.google.com, and the sign-in page's Material styles from unpkg.com
// and fonts.googleapis.com. Offline those never arrive and the popup flow stops with
// auth/network-request-failed (README, "Continue with Google"). This installs, on a browser
// context, a stand-in for the one part of gapi the flow uses (gapi.iframes: open an iframe,
// register a handler, send a message and get the handler's answer back, ping) over
// window.postMessage, and empty styles for the rest. Everything else is real: the SDK's popup
// code, the emulator's sign-in page and iframe, and the emulator's signInWithIdp.
import type { BrowserContext } from 'playwright-core';

const GAPI_SHIM = `(() => {
  const FILTER = () => true;
  let seq = 0;
  const pending = {};
  const channels = [];
  function Channel(target) { this.target = target; this.handlers = {}; }
  Channel.prototype.register = function (name, fn) { this.handlers[name] = fn; };
  Channel.prototype.send = function (name, data, cb) {
    const id = 'gapi-shim-' + ++seq;
    pending[id] = cb;
    this.target.postMessage({ gapiShim: 'send', id, name, data }, '*');
  };
  Channel.prototype.restyle = function () { return Promise.resolve(); };
  Channel.prototype.ping = function (cb) {
    return new Promise((resolve) => this.send('__ping', {}, (r) => { if (cb) cb(r); resolve(r); }));
  };
  const channelFor = (win) => {
    let found = channels.find((c) => c.win === win);
    if (!found) { found = { win, channel: new Channel(win) }; channels.push(found); }
    return found.channel;
  };
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (!m || typeof m !== 'object' || !m.gapiShim) return;
    if (m.gapiShim === 'reply') {
      const cb = pending[m.id];
      delete pending[m.id];
      // gapi runs callbacks guarded: an exception in one (the SDK's webStorageSupport callback
      // throws after answering) does not escape as a page error.
      try { if (cb) cb(m.responses); } catch (err) { console.debug('gapi callback threw', err); }
      return;
    }
    const channel = channelFor(e.source);
    let tries = 0;
    const answer = () => {
      const handler = m.name === '__ping' ? () => ({}) : channel.handlers[m.name];
      // A message can arrive before its handler is registered: wait for it a little.
      if (!handler && tries++ < 100) return setTimeout(answer, 50);
      let result;
      try { result = handler ? handler(m.data) : undefined; } catch (err) { result = { status: 'ERROR' }; }
      Promise.resolve(result).then((r) =>
        e.source.postMessage({ gapiShim: 'reply', id: m.id, responses: handler ? [r] : [] }, '*'),
      );
    };
    answer();
  });
  const context = {
    open(options, cb) {
      const frame = document.createElement('iframe');
      frame.src = options.url;
      frame.style.display = 'none';
      options.where.appendChild(frame);
      const channel = channelFor(frame.contentWindow);
      return new Promise((resolve) => {
        frame.addEventListener('load', () => resolve(cb ? cb(channel) : channel), { once: true });
      });
    },
    getParentIframe() { return channelFor(window.parent); },
  };
  window.gapi = {
    load(name, options) { setTimeout(() => (typeof options === 'function' ? options : options.callback)(), 0); },
    iframes: { getContext: () => context, CROSS_ORIGIN_IFRAMES_FILTER: FILTER, Iframe: function () {} },
  };
  const src = document.currentScript && document.currentScript.src;
  const onload = src && new URL(src).searchParams.get('onload');
  if (onload && typeof window[onload] === 'function') setTimeout(window[onload], 0);
  if (typeof window.gapi_onload === 'function') setTimeout(window.gapi_onload, 0);
})();`;

/** Serves the gapi stand-in and empty styles to every page and frame of `context`. */
export async function offlineGoogleSignIn(context: BrowserContext): Promise<void> {
  await context.route('https://apis.google.com/**', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: GAPI_SHIM }),
  );
  await context.route(/^https:\/\/(unpkg\.com|fonts\.googleapis\.com)\//, (route) =>
    route.fulfill({
      status: 200,
      contentType: route.request().url().endsWith('.js') ? 'text/javascript' : 'text/css',
      body: '',
    }),
  );
}
