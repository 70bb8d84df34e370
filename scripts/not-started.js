// Says, in the page, that the app could not start and why (`then`: what to
// do about it). Joined to the start-up script by scripts/build-app.sh
// (after it: a function declaration is hoisted) and
// scripts/build-single-file.sh (before it).
function notStarted(e, then) {
  console.error(e);
  const p = document.createElement('p');
  p.setAttribute('role', 'alert');
  p.textContent = 'The calculator could not start: ' + (e && e.message ? e.message : e) + '.' + then;
  document.body.append(p);
}
