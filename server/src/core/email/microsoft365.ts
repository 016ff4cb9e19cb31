// Microsoft 365 as DNS shows it: the SPF include and MX hosts that reveal a domain uses it, and the shapes of the
// DKIM selector CNAMEs it asks for (`selector1`/`selector2._domainkey`).

import type { TextRange } from './tagList';
import { lowerLabels } from './txtRecords';

export const MICROSOFT_365_SELECTORS: readonly string[] = ['selector1', 'selector2'];

/**
 * True for Microsoft 365 MX hosts: `*.mail.protection.outlook.com`, or `<domain-dashed>.<x>-v1.mx.microsoft` (2025
 * on). The mail pass over a zone asks it of every MX record, so it reads the name in place.
 */
export function isMicrosoft365Mx(exchange: string): boolean {
  return endsWithIgnoringCase(exchange, OLD_MX_SUFFIX) || isNewMicrosoft365Mx(exchange);
}

/** True for the newer `<x>-v1.mx.microsoft` MX hosts, whose DKIM targets Microsoft assigns and nobody can derive. */
export function isNewMicrosoft365Mx(exchange: string): boolean {
  // `.<x>` and then NEW_MX_SUFFIX, x being one ASCII letter.
  const at = exchange.length - NEW_MX_SUFFIX.length;
  if (at < 2 || !endsWithIgnoringCase(exchange, NEW_MX_SUFFIX) || exchange.charCodeAt(at - 2) !== 46) return false;
  const letter = exchange.charCodeAt(at - 1) | 0x20;
  return letter >= 97 && letter <= 122;
}

const OLD_MX_SUFFIX = '.mail.protection.outlook.com.';
const NEW_MX_SUFFIX = '-v1.mx.microsoft.';

/** True when `text` ends with `lower` (in lower case), ASCII letters compared in either case. */
function endsWithIgnoringCase(text: string, lower: string): boolean {
  const at = text.length - lower.length;
  if (at < 0) return false;
  for (let i = 0; i < lower.length; i++) {
    const code = text.charCodeAt(at + i);
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/** The range of an `include:spf.protection.outlook.com` term in an SPF text, or undefined. */
export function microsoft365IncludeRange(spfText: string): TextRange | undefined {
  const term = /(^|[ ])([+\-~?]?include:spf\.protection\.outlook\.com\.?)(?=[ ]|$)/i.exec(spfText);
  if (term === null) return undefined;
  const start = term.index + term[1].length;
  return { start, end: start + term[2].length };
}

/** A domain the way Microsoft writes it inside host labels: dots as dashes (`contoso.com.` gives `contoso-com`). */
export function dashedDomain(domain: string): string {
  return lowerLabels(domain).join('-');
}

/** True when a CNAME target is one of Microsoft's DKIM hosts (the old or the new kind), however malformed. */
export function isMicrosoftDkimTarget(target: string): boolean {
  const lower = target.toLowerCase();
  return lower.endsWith('.onmicrosoft.com.') || lower.endsWith('.dkim.mail.microsoft.');
}

/**
 * What is wrong with the target of a Microsoft 365 selector CNAME, or undefined when it fits. `selector` is
 * `selector1` or `selector2`, `domain` the domain whose key it is, `target` a target `isMicrosoftDkimTarget` accepts.
 */
export function microsoft365TargetProblem(options: { selector: string; domain: string; target: string }): string | undefined {
  const { selector, domain, target } = options;
  const labels = lowerLabels(target);
  const dashed = dashedDomain(domain);
  const oldShape = labels.length === 5 && labels[1] === '_domainkey' && labels[3] === 'onmicrosoft' && labels[4] === 'com';
  const newShape =
    labels.length === 7 && labels[1] === '_domainkey' && /^[a-z]-v1$/.test(labels[3]) && labels.slice(4).join('.') === 'dkim.mail.microsoft';
  if (!oldShape && !newShape) {
    return target.toLowerCase().endsWith('.onmicrosoft.com.')
      ? `the target should read ${selector}-${dashed}._domainkey.<tenant>.onmicrosoft.com`
      : `the target should read ${selector}-<domain>._domainkey.<tenant>.<x>-v1.dkim.mail.microsoft, as the Microsoft Defender portal shows it`;
  }
  const selectorPart = /^(selector\d+)-(.+)$/.exec(labels[0]);
  if (selectorPart === null) return `the target's first label should start with ${selector}-`;
  if (selectorPart[1] !== selector.toLowerCase()) {
    return `${selector} points at a ${selectorPart[1]} target: Microsoft signs with ${selector} using the key at ${selector}-..., so the selectors are crossed`;
  }
  if (oldShape && !domainPartMatches(selectorPart[2], domain)) {
    return `the target names \`${selectorPart[2]}\`, not this domain: Microsoft writes it as ${selector}-${dashed}._domainkey.<tenant>.onmicrosoft.com`;
  }
  return undefined;
}

/**
 * Microsoft writes the domain with dots as dashes; for domains that already hold dashes both the form that keeps
 * them and the form that drops them are seen, and long names are cut to fit a 63-octet label.
 */
function domainPartMatches(written: string, domain: string): boolean {
  const labels = lowerLabels(domain);
  const forms = [labels.join('-'), labels.map((label) => label.split('-').join('')).join('-')];
  const room = 63 - 'selector1-'.length;
  return forms.some((form) => written === form || (written.length >= room && form.startsWith(written)));
}
