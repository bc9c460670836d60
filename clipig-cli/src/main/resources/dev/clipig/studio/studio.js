'use strict';
// The studio's page: the config editor (checked by the server's config reader as it is typed), the
// render controls, the live image and plots (server-sent events from /api/events) and the past runs.

const $ = id => document.getElementById(id);
const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#2f6fd6', '#d6572f', '#2e9d5a', '#9b4fd6', '#c9a227', '#1ba3b5'];
const ACTIVE = new Set(['loading', 'running', 'paused']);
const ROW = 18;           // the editor's line height in px, as in studio.css
const MAX_POINTS = 600;   // a plot draws at most this many points of a long run

const shown = { id: null, steps: [], epochs: 0, following: true };
let live = null;          // the server's current run, as its last state event said
let liveImage = null;     // its latest image, a data URL
let checkSeq = 0;
let checkTimer = null;

async function api(method, path, body) {
  const response = await fetch(path, { method, body, headers: body === undefined ? {} : { 'Content-Type': 'text/plain; charset=utf-8' } });
  const data = await response.json();
  if (!response.ok) throw Object.assign(new Error(data.error || response.statusText), { data });
  return data;
}

function say(text, bad) {
  $('status').textContent = text;
  $('status').classList.toggle('error', !!bad);
}

// ---- the editor -------------------------------------------------------------------------------

function numberLines() {
  const count = $('text').value.split('\n').length;
  const lines = $('lines');
  while (lines.children.length < count) {
    const div = document.createElement('div');
    div.textContent = lines.children.length + 1;
    lines.appendChild(div);
  }
  while (lines.children.length > count) lines.lastChild.remove();
}

function syncScroll() {
  $('lines').style.transform = `translateY(${-$('text').scrollTop}px)`;
  placeBand();
}

function placeBand() {
  const band = $('band');
  const line = Number(band.dataset.line || 0);
  band.hidden = line < 1;
  if (line >= 1) band.style.top = `${6 + (line - 1) * ROW - $('text').scrollTop}px`;
}

function showProblem(result) {
  for (const div of $('lines').querySelectorAll('.error')) div.classList.remove('error');
  const problem = $('problem');
  if (result.ok) {
    problem.className = 'ok';
    problem.textContent = `reads fine: ${result.epochs} epochs`;
    $('band').dataset.line = 0;
  } else {
    const line = result.line || 0;
    problem.className = 'error';
    problem.textContent = (line > 0 ? `line ${line}: ` : '') + (result.path ? `${result.path}: ` : '') + (result.reason || result.error);
    const div = $('lines').children[line - 1];
    if (div) div.classList.add('error');
    $('band').dataset.line = line;
  }
  placeBand();
}

async function check() {
  const seq = ++checkSeq;
  const text = $('text').value;
  if (!text.trim()) {
    showProblem({ ok: false, line: 0, reason: 'empty config' });
    return;
  }
  try {
    const result = await api('POST', `/api/validate?name=${encodeURIComponent($('name').value)}`, text);
    if (seq === checkSeq) showProblem(result);
  } catch (e) {
    if (seq === checkSeq) showProblem({ ok: false, line: 0, reason: e.message });
  }
}

function edited() {
  numberLines();
  clearTimeout(checkTimer);
  checkTimer = setTimeout(check, 200);
}

/** Tab indents by YAML's two spaces instead of leaving the editor; Ctrl+S (⌘S) saves. */
function editorKeys(e) {
  if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey && !e.metaKey) {
    e.preventDefault();
    const text = $('text');
    text.setRangeText('  ', text.selectionStart, text.selectionEnd, 'end');
    edited();
  } else if (e.key === 's' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    save();
  }
}

function setText(text) {
  $('text').value = text;
  $('text').scrollTop = 0;
  edited();
  syncScroll();
}

async function listConfigs() {
  const { configs } = await api('GET', '/api/configs');
  const select = $('configs');
  select.replaceChildren(...configs.map(c => new Option(c, c)));
  $('load').disabled = configs.length === 0;
}

async function load() {
  const path = $('configs').value;
  if (!path) return;
  try {
    const { text } = await api('GET', `/api/config?path=${encodeURIComponent(path)}`);
    $('name').value = path;
    setText(text);
    say(`loaded ${path}`);
  } catch (e) {
    say(e.message, true);
  }
}

async function save() {
  const path = $('name').value;
  try {
    await api('PUT', `/api/config?path=${encodeURIComponent(path)}`, $('text').value);
    say(`saved ${path}`);
    await listConfigs();
    $('configs').value = path;
  } catch (e) {
    say(e.message, true);
  }
}

// ---- render controls ---------------------------------------------------------------------------

async function start() {
  try {
    shown.following = true;
    const seed = $('seed').value || '0';
    await api('POST', `/api/start?name=${encodeURIComponent($('name').value)}&seed=${encodeURIComponent(seed)}`, $('text').value);
  } catch (e) {
    say(e.message, true);
    if (e.data && e.data.line !== undefined) showProblem({ ok: false, ...e.data });
  }
}

async function control(action) {
  try {
    await api('POST', `/api/${action}`);
  } catch (e) {
    say(e.message, true);
  }
}

function showButtons() {
  const state = live ? live.state : null;
  $('start').disabled = ACTIVE.has(state);
  $('pause').disabled = state !== 'running' && state !== 'loading';
  $('resume').disabled = state !== 'paused';
  $('stop').disabled = !ACTIVE.has(state);
}

function describe(run) {
  const where = run.state === 'loading' ? 'loading the model' : `epoch ${run.done} of ${run.epochs}`;
  return `${run.name}: ${run.state}, ${where}` + (run.message ? ` — ${run.message}` : '');
}

// ---- the shown run: image, progress, plots ------------------------------------------------------

function show(run, steps) {
  shown.id = run ? run.id : null;
  shown.epochs = run ? run.epochs : 0;
  shown.steps = steps;
  for (const b of $('runs').querySelectorAll('button')) b.classList.toggle('shown', b.dataset.id === shown.id);
  drawPlots();
}

function showImage(src) {
  const image = $('image');
  image.hidden = false;
  image.src = src;
}

function drawPlots() {
  const steps = shown.steps;
  const last = steps[steps.length - 1];
  $('progress').textContent = !last ? (shown.id ? 'waiting for the first step' : 'no run yet')
    : `epoch ${last.epoch + 1} of ${shown.epochs} · similarity ${mean(Object.values(last.similarity)).toFixed(2)}`
      + ` · loss ${last.loss.toPrecision(4)} · learning rate ${last.learnrate.toPrecision(3)} · ${last.seconds.toFixed(1)} s`;
  const every = Math.max(1, Math.ceil(steps.length / MAX_POINTS));
  const sample = steps.filter((s, i) => i % every === 0 || i === steps.length - 1);
  const targets = [...new Set(sample.flatMap(s => Object.keys(s.similarity)))];
  plot($('plot-similarity'), targets.map((t, i) => ({
    color: COLORS[i % COLORS.length],
    points: sample.filter(s => t in s.similarity).map(s => [s.epoch, s.similarity[t]]),
  })));
  $('legend').replaceChildren(...targets.map((t, i) => {
    const span = document.createElement('span');
    span.textContent = t;
    span.style.color = COLORS[i % COLORS.length];
    return span;
  }));
  plot($('plot-loss'), [{ color: COLORS[1], points: sample.map(s => [s.epoch, s.loss]) }]);
  plot($('plot-learnrate'), [{ color: COLORS[2], points: sample.map(s => [s.epoch, s.learnrate]) }]);
}

function mean(values) {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : NaN;
}

/** Polylines over the run's epochs, drawn at the element's own size; the y axis spans the values. */
function plot(svg, series) {
  const W = svg.clientWidth || 320, H = svg.clientHeight || 90, LEFT = 52, PAD = 6;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.replaceChildren();
  const ys = series.flatMap(s => s.points.map(p => p[1])).filter(Number.isFinite);
  if (ys.length === 0) return;
  let lo = Math.min(...ys), hi = Math.max(...ys);
  if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) { const d = Math.max(Math.abs(hi) * 0.05, 1e-9); lo -= d; hi += d; }
  const xMax = Math.max(1, shown.epochs - 1);
  const x = e => LEFT + (W - LEFT - PAD) * e / xMax;
  const y = v => H - PAD - (H - 2 * PAD) * (v - lo) / (hi - lo);
  for (const s of series) {
    const line = document.createElementNS(SVG, 'polyline');
    line.setAttribute('stroke', s.color);
    line.setAttribute('points', s.points.filter(p => Number.isFinite(p[1])).map(p => `${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)}`).join(' '));
    svg.appendChild(line);
  }
  for (const [value, at] of [[hi, PAD + 8], [lo, H - PAD]]) {
    const label = document.createElementNS(SVG, 'text');
    label.setAttribute('x', LEFT - 6);
    label.setAttribute('y', at);
    label.setAttribute('text-anchor', 'end');
    label.textContent = Math.abs(value) >= 1000 || (Math.abs(value) < 0.01 && value !== 0) ? value.toExponential(2) : value.toPrecision(4);
    svg.appendChild(label);
  }
}

// ---- past runs ---------------------------------------------------------------------------------

async function listRuns() {
  const { runs } = await api('GET', '/api/runs');
  $('runs').replaceChildren(...runs.map(run => {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.id = run.id;
    button.classList.toggle('shown', run.id === shown.id);
    const img = document.createElement('img');
    img.alt = '';
    img.src = `/api/run/image?id=${encodeURIComponent(run.id)}&done=${run.done}`;
    img.onerror = () => img.classList.add('missing');
    const name = document.createElement('span');
    name.textContent = run.name;
    const about = document.createElement('small');
    about.textContent = aboutRun(run);
    name.appendChild(about);
    button.append(img, name);
    button.addEventListener('click', () => reopen(run.id));
    item.appendChild(button);
    return item;
  }));
}

function aboutRun(run) {
  return `${run.state} · ${run.done}/${run.epochs} · seed ${run.seed} · ${run.started.replace('T', ' ')}`;
}

/** The live run's entry in the list, if listed. */
function liveEntry() {
  return live && $('runs').querySelector(`button[data-id="${CSS.escape(live.id)}"]`);
}

/** Shows a past run as it ended: its config in the editor, its last image, its plots. */
async function reopen(id) {
  try {
    const data = await api('GET', `/api/run?id=${encodeURIComponent(id)}`);
    $('name').value = data.run.name;
    $('seed').value = data.run.seed;
    setText(data.config);
    shown.following = live !== null && live.id === id && ACTIVE.has(live.state);
    show(data.run, data.steps);
    // A run still rendering has a newer image than its file, which is written now and then.
    if (!shown.following) showImage(`/api/run/image?id=${encodeURIComponent(id)}&done=${data.run.done}`);
    else if (liveImage) showImage(liveImage);
    else $('image').hidden = true;
    say(`reopened ${describe(data.run)}`);
  } catch (e) {
    say(e.message, true);
  }
}

// ---- the live feed -----------------------------------------------------------------------------

function connect() {
  const events = new EventSource('/api/events');
  events.addEventListener('run', e => {
    const run = JSON.parse(e.data);
    live = run;
    showButtons();
    if (run === null) {
      say('ready');
      return;
    }
    say(describe(run), run.state === 'failed');
    liveImage = null;
    if (shown.following) {
      show(run, []);
      $('image').hidden = true;
      if (!$('text').value.trim()) reopen(run.id);
    }
    listRuns();
  });
  events.addEventListener('steps', e => {
    if (!shown.following || !live) return;
    // A run reopened while it renders got its steps so far with it: only later ones are new.
    const after = shown.steps.length ? shown.steps[shown.steps.length - 1].epoch : -1;
    shown.steps = shown.steps.concat(JSON.parse(e.data).filter(s => s.epoch > after));
    drawPlots();
    if (shown.steps.length && live.id === shown.id) {
      live.done = shown.steps[shown.steps.length - 1].epoch + 1;
      say(describe(live));
      const entry = liveEntry();
      if (entry) entry.querySelector('small').textContent = aboutRun(live);
    }
  });
  events.addEventListener('image', e => {
    liveImage = JSON.parse(e.data).src;
    if (!shown.following) return;
    const src = liveImage;
    showImage(src);
    const entry = liveEntry();
    if (entry) {
      entry.querySelector('img').classList.remove('missing');
      entry.querySelector('img').src = src;
    }
  });
  events.addEventListener('state', e => {
    const run = JSON.parse(e.data);
    live = run;
    showButtons();
    say(describe(run), run.state === 'failed');
    listRuns();
  });
  events.onerror = () => say('lost the server; trying again…', true);
}

window.addEventListener('DOMContentLoaded', () => {
  $('text').addEventListener('input', edited);
  $('text').addEventListener('scroll', syncScroll);
  $('text').addEventListener('keydown', editorKeys);
  $('image').addEventListener('error', () => { $('image').hidden = true; });
  $('name').addEventListener('change', check);
  $('load').addEventListener('click', load);
  $('save').addEventListener('click', save);
  $('start').addEventListener('click', start);
  $('pause').addEventListener('click', () => control('pause'));
  $('resume').addEventListener('click', () => control('resume'));
  $('stop').addEventListener('click', () => control('stop'));
  numberLines();
  listConfigs().catch(e => say(e.message, true));
  listRuns().catch(e => say(e.message, true));
  connect();
});
