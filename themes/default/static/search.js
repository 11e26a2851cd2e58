// Search without a server. The index is a folder of small script files
// (see docs/search.md) loaded with <script> tags, so that search works
// from file:// as well as from any host. Queries are folded as the index
// is: lowercase, without diacritics, đ as d.
(function () {
  'use strict';
  var DIG = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_', VAL = {};
  for (var i = 0; i < 64; i++) VAL[DIG.charAt(i)] = i;
  var PAGE = 10, PREFIXES = 8;

  function nums(s) {
    var out = [], v = 0, mul = 1;
    for (var i = 0; i < s.length; i++) {
      var d = VAL[s.charAt(i)];
      v += (d & 31) * mul;
      if (d & 32) mul *= 32; else { out.push(v); v = 0; mul = 1; }
    }
    return out;
  }
  // Postings: runs of (impact, count, gaps...), best impact first.
  function postings(s, into) {
    var n = nums(s), i = 0;
    while (i < n.length) {
      var q = n[i++], c = n[i++], doc = -1;
      for (var k = 0; k < c; k++) { doc += n[i++] + 1; into(doc, q); }
    }
  }
  function docs(s) {
    var n = nums(s), out = new Set(), doc = -1;
    for (var i = 0; i < n.length; i++) { doc += n[i] + 1; out.add(doc); }
    return out;
  }
  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐðÐ]/g, 'd').toLowerCase();
  }
  function words(q) {
    var out = [], joined = false, m, re = /([\p{L}\p{N}][\p{L}\p{N}\p{M}]*)|[^\s\p{L}\p{N}\p{M}]/gu;
    q = q.normalize('NFC');
    while ((m = re.exec(q))) {
      var f = m[1] ? fold(m[1]) : '';
      if (f && f.length <= 40) { out.push({ text: m[1].toLowerCase(), f: f, joined: joined }); joined = true; }
      else joined = false;
    }
    return out;
  }

  // Loading index files.
  var base = null, loaded = {}, pending = {};
  window.__bantinSearch = function (key, data) {
    loaded[key] = data;
    var p = pending[key];
    if (p) { delete pending[key]; p.ok(data); }
  };
  function load(key) {
    if (key in loaded) return Promise.resolve(loaded[key]);
    if (pending[key]) return pending[key].promise;
    var p = {};
    p.promise = new Promise(function (ok, fail) { p.ok = ok; p.fail = fail; });
    pending[key] = p;
    var s = document.createElement('script');
    s.src = base + key + '.js';
    s.onerror = s.onload = function () {
      s.remove();
      if (pending[key]) { delete pending[key]; p.fail(new Error('cannot load ' + key)); }
    };
    document.head.appendChild(s);
    return p.promise;
  }
  // Index of the file (in a sorted list of [first term, name]) holding `t`.
  function fileOf(list, t) {
    var lo = 0, hi = list.length - 1;
    while (lo < hi) { var mid = (lo + hi + 1) >> 1; if (list[mid][0] <= t) lo = mid; else hi = mid - 1; }
    return lo;
  }
  function terms(key) {
    return load(key).then(function (entries) {
      var m = {};
      entries.forEach(function (e) { m[e[0]] = e; });
      return { key: key, list: entries, map: m };
    });
  }
  function leaf(meta, t) {
    if (t.indexOf(' ') < 0) return terms('u/' + meta.u[fileOf(meta.u, t)][1]);
    return load('bm').then(function (bm) { return bm.length ? terms('b/' + bm[fileOf(bm, t)][1]) : { list: [], map: {} }; });
  }
  // Terms starting with `p`, most frequent first.
  function prefixed(meta, p) {
    var first = fileOf(meta.u, p), keys = [];
    for (var i = first; i < meta.u.length && i < first + 4 && (i === first || meta.u[i][0].slice(0, p.length) <= p); i++) keys.push('u/' + meta.u[i][1]);
    return Promise.all(keys.map(terms)).then(function (files) {
      var found = [];
      files.forEach(function (f) {
        f.list.forEach(function (e) { if (e[0].slice(0, p.length) === p) found.push({ e: e, file: f.key }); });
      });
      found.sort(function (a, b) { return b.e[1] - a.e[1]; });
      return found.slice(0, PREFIXES);
    });
  }

  // A query as groups of terms (an article must have one term of each
  // group) and phrases that rank articles higher.
  function parse(q, meta) {
    var ws = words(q), open = !/\s$/.test(q), groups = [], boosts = [], covered = {};
    meta.synonyms.forEach(function (s) {
      s[1].forEach(function (ph) {
        for (var i = 0; i + ph.length <= ws.length; i++) {
          var ok = true;
          for (var k = 0; k < ph.length && ok; k++) ok = ws[i + k].f === ph[k] && (k === 0 || ws[i + k].joined);
          if (ok) {
            groups.push({ alts: [s[0]] });
            for (k = 0; k < ph.length; k++) { covered[i + k] = true; boosts.push(ph[k]); }
          }
        }
      });
    });
    ws.forEach(function (w, i) {
      var stop = meta.stop.indexOf(w.text) >= 0;
      if (i > 0 && w.joined && !(stop && meta.stop.indexOf(ws[i - 1].text) >= 0)) boosts.push(ws[i - 1].f + ' ' + w.f);
      if (stop || covered[i]) return;
      if (i === ws.length - 1 && open) groups.push({ prefix: w.f });
      else groups.push({ alts: [w.f] });
    });
    if (!groups.length) ws.forEach(function (w) { groups.push({ alts: [w.f] }); });
    return { words: ws, groups: groups, boosts: boosts };
  }

  function Search(meta) { this.meta = meta; }
  Search.prototype.idf = function (df) {
    var n = this.meta.n;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5)) * (this.meta.k1 + 1) / this.meta.levels;
  };
  // Entries [term, df, postings, more] of the terms of a group.
  Search.prototype.entries = function (g) {
    var meta = this.meta;
    if (g.prefix) {
      return prefixed(meta, g.prefix).then(function (found) {
        return found.map(function (x) { return { e: x.e, file: x.file }; });
      });
    }
    return Promise.all(g.alts.map(function (t) {
      return leaf(meta, t).then(function (f) { return f.map[t] ? [{ e: f.map[t], file: f.key }] : []; });
    })).then(function (l) { return [].concat.apply([], l); });
  };
  // Scores of the articles with every group; `full` loads the postings
  // past the first file's share.
  Search.prototype.run = function (p, filter, full) {
    var self = this;
    var all = p.groups.map(function (g) { return self.entries(g); });
    var boost = Promise.all(p.boosts.map(function (t) { return self.entries({ alts: [t] }); }));
    return Promise.all([Promise.all(all), boost]).then(function (r) {
      var lists = r[0], boosts = r[1], more = false, rests = [];
      lists.concat(boosts).forEach(function (l) {
        l.forEach(function (x) { if (x.e[3]) { more = true; rests.push(x); } });
      });
      var loadRests = full && more ? Promise.all(rests.map(function (x) {
        var k = x.file.split('/');
        return load('r/' + k[0] + k[1]).then(function (rest) { x.rest = rest[x.e[0]]; });
      })) : Promise.resolve();
      return loadRests.then(function () {
        var scored = null;
        lists.forEach(function (l) {
          var m = new Map();
          l.forEach(function (x) {
            var w = self.idf(x.e[1]);
            var add = function (doc, q) { var s = w * q; if (!(m.get(doc) >= s)) m.set(doc, s); };
            postings(x.e[2], add);
            if (x.rest) postings(x.rest, add);
          });
          if (scored === null) scored = m;
          else {
            var next = new Map();
            scored.forEach(function (s, doc) { var t = m.get(doc); if (t !== undefined) next.set(doc, s + t); });
            scored = next;
          }
        });
        scored = scored || new Map();
        boosts.forEach(function (l) {
          l.forEach(function (x) {
            var w = self.idf(x.e[1]);
            var add = function (doc, q) { var s = scored.get(doc); if (s !== undefined) scored.set(doc, s + w * q); };
            postings(x.e[2], add);
            if (x.rest) postings(x.rest, add);
          });
        });
        var years = self.meta.years, last = years.length ? years[years.length - 1][0] : 0, out = [];
        scored.forEach(function (s, doc) {
          if (filter && !filter(doc)) return;
          var y = years[fileOf(years.map(function (x) { return [x[1]]; }), doc)];
          var age = y ? last - y[0] : 0;
          out.push({ doc: doc, score: s * (1 + 0.25 / (1 + age)) });
        });
        out.sort(function (a, b) { return b.score - a.score || b.doc - a.doc; });
        return { hits: out, more: more && !full };
      });
    });
  };

  // Snippets: the text around the first match, matches marked.
  function matcher(p) {
    var ws = p.words.map(function (w) { return w.f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
    if (!ws.length) return null;
    return new RegExp('(^|[^\\p{L}\\p{N}])(' + ws.join('|') + ')', 'gu');
  }
  function folded(text) {
    var f = '', map = [];
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i), g = fold(c);
      for (var k = 0; k < g.length; k++) { f += g.charAt(k); map.push(i); }
    }
    map.push(text.length);
    return { f: f, map: map };
  }
  function marked(el, text, re, from, to) {
    var ff = folded(text), m, at = from;
    re.lastIndex = 0;
    while ((m = re.exec(ff.f))) {
      var s = ff.map[m.index + m[1].length], e = ff.map[m.index + m[0].length];
      if (e <= from) continue;
      if (s >= to) break;
      if (s > at) el.appendChild(document.createTextNode(text.slice(at, s)));
      // A match ends at the end of a word (the last one may be typed in part).
      while (e < text.length && /[\p{L}\p{N}\p{M}]/u.test(text.charAt(e))) e++;
      var mk = document.createElement('mark');
      mk.textContent = text.slice(Math.max(s, at), e);
      el.appendChild(mk);
      at = e;
    }
    if (at < to) el.appendChild(document.createTextNode(text.slice(at, to)));
  }
  function snippet(el, frag, re) {
    var text = frag.x.replace(/\s+/g, ' '), ff = folded(text), m = null;
    if (re) { re.lastIndex = 0; m = re.exec(ff.f); }
    if (!m) {
      text = frag.m || text;
      marked(el, text.length > 240 ? text.slice(0, 240) + '…' : text, re || /$^/gu, 0, Math.min(text.length, 241));
      return;
    }
    var at = ff.map[m.index + m[1].length], from = Math.max(0, at - 90);
    if (from > 0) { var sp = text.indexOf(' ', from); from = sp >= 0 && sp < at ? sp + 1 : from; }
    var to = Math.min(text.length, from + 260);
    if (to < text.length) { var sp2 = text.lastIndexOf(' ', to); to = sp2 > at ? sp2 : to; }
    if (from > 0) el.appendChild(document.createTextNode('… '));
    marked(el, text, re, from, to);
    if (to < text.length) el.appendChild(document.createTextNode(' …'));
  }
  function href(root, path) {
    return root + encodeURI(path) + (path === '' || path.slice(-1) === '/' ? 'index.html' : '');
  }
  function date(d) { var p = d.split('-'); return p[2] + '/' + p[1] + '/' + p[0]; }
  // Fragments of `hits`, with the exact phrase ranked first among them.
  function fragments(hits, p) {
    return Promise.all(hits.map(function (h) { return load('d/' + h.doc); })).then(function (fr) {
      var phrase = p.words.length > 1 ? p.words.map(function (w) { return w.f; }).join(' ') : null;
      hits.forEach(function (h, i) {
        h.frag = fr[i];
        if (phrase && fold([fr[i].t, fr[i].m, fr[i].x].join(' ').replace(/[^\p{L}\p{N}\p{M}]+/gu, ' ')).indexOf(phrase) >= 0) h.score *= 1.5;
      });
      return hits.slice().sort(function (a, b) { return b.score - a.score || b.doc - a.doc; });
    });
  }

  var meta = null;
  function start(el) {
    if (!base) base = el.getAttribute('data-root') + el.getAttribute('data-search') + 'chi-muc/';
    if (!meta) meta = load('meta').then(function (m) { return new Search(m); });
    return meta;
  }

  // The search page.
  var page = document.querySelector('.search-page');
  if (page) {
    var root = page.getAttribute('data-root'), form = page.querySelector('.search-form');
    var input = form.querySelector('input[name=q]'), status = page.querySelector('.search-status');
    var list = page.querySelector('.search-results'), moreButton = page.querySelector('.search-more');
    var sel = { muc: form.querySelector('select[name=muc]'), cm: form.querySelector('select[name=cm]'), nam: form.querySelector('select[name=nam]') };
    // split/join, not replace: a query holding `$&`, `$1` or `$$` is text,
    // not a replacement pattern.
    var tr = function (k, n, q) { return page.getAttribute('data-t-' + k).split('{n}').join(n).split('{q}').join(q); };
    var shown = 0, current = null, serial = 0;
    var params = new URLSearchParams(location.search);
    input.value = params.get('q') || '';
    start(page).then(function (s) {
      var fill = function (select, items, key) {
        items.forEach(function (x) { var o = document.createElement('option'); o.value = x[0]; o.textContent = x[1]; select.appendChild(o); });
        select.value = params.get(key) || '';
        select.onchange = go;
      };
      fill(sel.muc, s.meta.sections, 'muc');
      fill(sel.cm, s.meta.categories, 'cm');
      fill(sel.nam, s.meta.years.slice().reverse().map(function (y) { return [y[0], y[0]]; }), 'nam');
      form.querySelector('.search-filters').hidden = false;
      if (input.value) go();
    }, function () { status.textContent = tr('failed', 0, ''); });
    var filterOf = function (s) {
      var want = [];
      if (sel.muc.value) want.push(load('f/s' + sel.muc.value).then(docs));
      if (sel.cm.value) want.push(load('f/c' + sel.cm.value).then(docs));
      return Promise.all(want).then(function (sets) {
        var y = sel.nam.value, range = null, ys = s.meta.years;
        for (var i = 0; y && i < ys.length; i++) if (String(ys[i][0]) === y) range = [ys[i][1], i + 1 < ys.length ? ys[i + 1][1] : Infinity];
        if (!sets.length && !range) return null;
        return function (doc) {
          return (!range || (doc >= range[0] && doc < range[1])) && sets.every(function (x) { return x.has(doc); });
        };
      });
    };
    var show = function (hits, p) {
      var re = matcher(p);
      return fragments(hits, p).then(function (hs) {
        hs.forEach(function (h) {
          var li = document.createElement('li'), h3 = document.createElement('h3'), a = document.createElement('a');
          a.href = href(root, h.frag.u);
          marked(a, h.frag.t, re, 0, h.frag.t.length);
          h3.appendChild(a); li.appendChild(h3);
          var meta = document.createElement('p'); meta.className = 'meta';
          meta.textContent = [date(h.frag.d), h.frag.s].concat(h.frag.c).filter(Boolean).join(' · ');
          li.appendChild(meta);
          var sn = document.createElement('p'); sn.className = 'snippet';
          snippet(sn, h.frag, re);
          li.appendChild(sn);
          list.appendChild(li);
        });
      });
    };
    var go = function () {
      var q = input.value, mine = ++serial;
      var url = new URLSearchParams();
      if (q) url.set('q', q);
      ['muc', 'cm', 'nam'].forEach(function (k) { if (sel[k].value) url.set(k, sel[k].value); });
      try { history.replaceState(null, '', '?' + url.toString()); } catch (e) { /* file:// in some browsers */ }
      if (words(q).length === 0 || q.trim().length < 2) {
        list.textContent = ''; status.textContent = ''; moreButton.hidden = true; return;
      }
      status.textContent = tr('loading', 0, q.trim());
      start(page).then(function (s) {
        var p = parse(q, s.meta);
        return filterOf(s).then(function (filter) {
          return s.run(p, filter, false).then(function (r) {
            return r.hits.length < PAGE && r.more ? s.run(p, filter, true) : r;
          }).then(function (r) {
            if (mine !== serial) return;
            current = { r: r, p: p, s: s, filter: filter };
            list.textContent = ''; shown = 0;
            var n = r.hits.length;
            status.textContent = n ? tr(r.more ? 'count-more' : 'count', n.toLocaleString('vi-VN'), q.trim()) : tr('none', 0, q.trim());
            return more();
          });
        });
      }).catch(function () { if (mine === serial) status.textContent = tr('failed', 0, ''); });
    };
    var more = function () {
      var c = current, hits = c.r.hits.slice(shown, shown + PAGE);
      shown += hits.length;
      moreButton.hidden = shown >= c.r.hits.length && !c.r.more;
      if (!hits.length && c.r.more) {
        return c.s.run(c.p, c.filter, true).then(function (r) { c.r = r; shown = 0; list.textContent = ''; return more(); });
      }
      return show(hits, c.p);
    };
    moreButton.onclick = function () {
      if (shown >= current.r.hits.length && current.r.more) {
        current.s.run(current.p, current.filter, true).then(function (r) {
          var old = shown; current.r = r; shown = old; more();
        });
      } else more();
    };
    var timer = 0;
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(go, 120); });
    form.addEventListener('submit', function (e) { e.preventDefault(); go(); });
    // Arrows move between the input and the results; Esc goes back.
    page.addEventListener('keydown', function (e) {
      var links = [].slice.call(list.querySelectorAll('h3 a')), i = links.indexOf(document.activeElement);
      if (e.key === 'ArrowDown' && (document.activeElement === input || i >= 0) && links.length) {
        e.preventDefault(); links[Math.min(i + 1, links.length - 1)].focus();
      } else if (e.key === 'ArrowUp' && i >= 0) {
        e.preventDefault(); (i === 0 ? input : links[i - 1]).focus();
      } else if (e.key === 'Escape' && i >= 0) { input.focus(); }
    });
  }

  // The box in the header: titles as you type, Enter opens the search page.
  var box = document.querySelector('form.search');
  if (box && !page) {
    var bi = box.querySelector('input'), sug = box.querySelector('.search-suggest'), broot = box.getAttribute('data-root');
    var bserial = 0, active = -1, btimer = 0;
    var close = function () { sug.hidden = true; sug.textContent = ''; active = -1; bi.removeAttribute('aria-activedescendant'); };
    var select = function (i) {
      var opts = sug.querySelectorAll('a');
      if (!opts.length) return;
      active = (i + opts.length) % opts.length;
      opts.forEach(function (o, k) { o.setAttribute('aria-selected', k === active ? 'true' : 'false'); });
      bi.setAttribute('aria-activedescendant', opts[active].id);
    };
    var suggest = function () {
      var q = bi.value, mine = ++bserial;
      if (q.trim().length < 2 || !words(q).length) { close(); return; }
      start(box).then(function (s) {
        var p = parse(q, s.meta);
        return s.run(p, null, false).then(function (r) { return fragments(r.hits.slice(0, 6), p); }).then(function (hs) {
          if (mine !== bserial) return;
          sug.textContent = '';
          var re = matcher(p);
          hs.forEach(function (h, k) {
            var a = document.createElement('a');
            a.href = href(broot, h.frag.u); a.id = 'tim-nhanh-' + k; a.setAttribute('role', 'option'); a.setAttribute('aria-selected', 'false');
            marked(a, h.frag.t, re, 0, h.frag.t.length);
            var small = document.createElement('small'); small.textContent = [date(h.frag.d), h.frag.s].filter(Boolean).join(' · ');
            a.appendChild(small);
            sug.appendChild(a);
          });
          var all = document.createElement('a');
          all.href = box.getAttribute('action') + '?q=' + encodeURIComponent(q); all.id = 'tim-nhanh-tat-ca';
          all.setAttribute('role', 'option'); all.setAttribute('aria-selected', 'false');
          all.textContent = box.querySelector('button').textContent + ': “' + q.trim() + '”';
          sug.appendChild(all);
          sug.hidden = false; active = -1;
        });
      }).catch(close);
    };
    bi.addEventListener('input', function () { clearTimeout(btimer); btimer = setTimeout(suggest, 120); });
    bi.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown' && !sug.hidden) { e.preventDefault(); select(active + 1); }
      else if (e.key === 'ArrowUp' && !sug.hidden) { e.preventDefault(); select(active - 1); }
      else if (e.key === 'Escape') close();
      else if (e.key === 'Enter' && active >= 0) { e.preventDefault(); sug.querySelectorAll('a')[active].click(); }
    });
    document.addEventListener('click', function (e) { if (!box.contains(e.target)) close(); });
  }
})();
