// The "Add Microsoft 365 DKIM records" generator: the selector1/selector2 CNAMEs, with targets read from the
// pasted output of `Get-DkimSigningConfig` (Selector1CNAME/Selector2CNAME), or derived in the older
// `onmicrosoft.com` form from the tenant name.

import { dashedDomain, MICROSOFT_365_SELECTORS, microsoft365TargetProblem } from '../email/microsoft365';
import { shown } from '../email/txtRecords';
import { insertRecords } from '../edit/insert';
import type { Zone } from '../zone/model';
import { recordsAt } from '../zone/model';
import { nameKey } from '../zone/names';
import { mailRecordsOf } from './dmarc';
import type { Generated } from './generated';
import { generated, refused } from './generated';

/** The CNAME target of each selector, absolute. */
export type SelectorTargets = Readonly<Record<string, string>>;

/**
 * Reads the selector targets from what the user typed: `Get-DkimSigningConfig` output (one block per domain; the
 * block of this domain, or the only one), or a tenant name (`contoso` or `contoso.onmicrosoft.com`).
 */
export function microsoft365DkimTargets(options: { domain: string; input: string }): { targets: SelectorTargets } | { error: string } {
  const { domain } = options;
  const input = options.input.trim();
  if (/Selector\dCNAME/i.test(input)) return targetsFromSigningConfig(domain, input);
  const tenant = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.onmicrosoft\.com)?\.?$/i.exec(input);
  if (tenant === null) {
    return { error: 'paste the output of Get-DkimSigningConfig -Identity <domain> | Format-List Selector1CNAME, Selector2CNAME, or type the tenant name (contoso for contoso.onmicrosoft.com)' };
  }
  const targets: Record<string, string> = {};
  for (const selector of MICROSOFT_365_SELECTORS) targets[selector] = `${selector}-${dashedDomain(domain)}._domainkey.${tenant[1].toLowerCase()}.onmicrosoft.com.`;
  return { targets };
}

/** Adds the selector CNAMEs the domain lacks. */
export function addMicrosoft365Dkim(options: { zone: Zone; domain: string; input: string }): Generated {
  const { zone, domain } = options;
  const read = microsoft365DkimTargets({ domain, input: options.input });
  if ('error' in read) return refused(read.error);
  const missing = MICROSOFT_365_SELECTORS.filter((selector) => recordsAt(zone, `${selector}._domainkey.${domain}`).length === 0);
  if (missing.length === 0) return refused(`${shown(domain)} already has both selector records`);
  const edits = insertRecords({
    zone,
    records: missing.map((selector) => ({ owner: `${selector}._domainkey.${domain}`, type: 'CNAME', rdata: { kind: 'text', text: read.targets[selector] } })),
    near: mailRecordsOf(zone, domain),
  });
  return generated({ title: `Add Microsoft 365 DKIM records (${missing.join(', ')}) for ${shown(domain)}`, edits });
}

/** One domain's part of the `Get-DkimSigningConfig` output. */
interface SigningConfigBlock {
  domain: string | undefined;
  readonly targets: Record<string, string>;
}

/**
 * Reads `Key : value` pairs in order, wherever the line breaks are (an input box turns a pasted block into one
 * line). Domain, Identity and Name name the block's domain; another name starts the next block.
 */
function targetsFromSigningConfig(domain: string, input: string): { targets: SelectorTargets } | { error: string } {
  const blocks: SigningConfigBlock[] = [];
  let current: SigningConfigBlock | undefined;
  for (const [, key, value] of input.matchAll(/\b(Domain|Identity|Name|Selector\dCNAME)\s*:\s*([^\s:]+)/gi)) {
    const selector = /^Selector(\d)CNAME$/i.exec(key);
    if (selector === null) {
      const name = value.toLowerCase().replace(/\.$/, '');
      if (current === undefined || (current.domain !== undefined && current.domain !== name)) blocks.push((current = { domain: name, targets: {} }));
      else current.domain = name;
    } else {
      if (current === undefined) blocks.push((current = { domain: undefined, targets: {} }));
      current.targets[`selector${selector[1]}`] = value.endsWith('.') ? value : `${value}.`;
    }
  }
  const ours = blocks.filter((block) => block.domain !== undefined && `${block.domain}.` === nameKey(domain));
  const chosen = ours[0] ?? (blocks.length === 1 ? blocks[0] : undefined);
  if (chosen === undefined) return { error: `the pasted output has no block for ${shown(domain)}: run Get-DkimSigningConfig -Identity ${shown(domain)}` };
  for (const selector of MICROSOFT_365_SELECTORS) {
    const target = chosen.targets[selector];
    if (target === undefined) return { error: `the pasted output has no ${selector[0].toUpperCase()}${selector.slice(1)}CNAME value` };
    const problem = microsoft365TargetProblem({ selector, domain, target });
    if (problem !== undefined) return { error: `${selector}: ${problem}` };
  }
  return { targets: chosen.targets };
}
