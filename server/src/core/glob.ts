// Minimal glob matching for the `origins` setting: `*` (within a path segment), `**` (across segments), `?`.

/** True when `filePath` (or its base name, for patterns without a slash) matches `pattern`. */
export function matchesGlob(pattern: string, filePath: string): boolean {
  const normalized = filePath.replace(/\\/g, '/');
  const target = pattern.includes('/') ? normalized : normalized.slice(normalized.lastIndexOf('/') + 1);
  return globToRegExp(pattern).test(target) || (pattern.includes('/') && globToRegExp('**/' + pattern).test(normalized));
}

function globToRegExp(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        source += '.*';
        i++;
        if (pattern[i + 1] === '/') i++;
      } else source += '[^/]*';
    } else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}
