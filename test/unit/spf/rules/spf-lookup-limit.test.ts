// Table test for spf-lookup-limit: more than 10 DNS-querying terms through includes, in the zone or in DNS, with
// the include chain as related information.

import { strict as assert } from 'node:assert';
import { describeRuleTable, mark } from '../helpers/ruleTable';
import { HEAD, lintZoneText } from '../helpers/workspace';

const E = 'error: spf-lookup-limit';
const TEN = 'a mx a mx a mx a mx a mx';

describeRuleTable('spf-lookup-limit', {
  valid: [
    `@ TXT "v=spf1 ${TEN} -all"\n`,
    { name: 'terms after all are never reached', zone: `@ TXT "v=spf1 ${TEN} -all a"\n` },
    { name: 'a redirect beside all is never used', zone: `@ TXT "v=spf1 ${TEN} -all redirect=_spf.example.com"\n_spf TXT "v=spf1 a -all"\n` },
    { name: 'ip4 and ip6 cost nothing', zone: '@ TXT "v=spf1 ip4:192.0.2.0/24 ip6:2001:db8::/32 include:_spf.example.com -all"\n_spf TXT "v=spf1 a mx -all"\n' },
  ],
  invalid: [
    mark(`@ TXT "v=spf1 ${TEN} ptr -all"`, 'ptr', E),
    { name: 'through an include in the zone', zone: mark('@ TXT "v=spf1 include:_spf.example.com a -all"', 'include:_spf.example.com', E) + `_spf TXT "v=spf1 ${TEN}"\n` },
    {
      name: 'through an include in DNS',
      zone: mark('@ TXT "v=spf1 mx include:spf.provider.example -all"', 'include:spf.provider.example', E),
      dns: { 'spf.provider.example': { txt: [`v=spf1 ${TEN} ~all`] } },
    },
    { name: 'the worst case: include-at-limit of the RFC suite', zone: mark('@ TXT "v=spf1 a include:inc.example.com ip4:192.0.2.4 mx -all"', 'mx', E) + 'inc TXT "v=spf1 a a a a a a a a"\n' },
  ],
});

describe('spf-lookup-limit related information', () => {
  it('lists each include with its cost and who answered', async () => {
    const zone = HEAD + '@ TXT "v=spf1 include:_spf.example.com include:spf.provider.example -all"\n_spf TXT "v=spf1 a mx include:_inner.example.com"\n_inner TXT "v=spf1 a a a"\n';
    const [finding] = (await lintZoneText(zone, { dns: { 'spf.provider.example': { txt: ['v=spf1 a:x.example mx:x.example exists:x.example ~all'] } } })).filter(
      (d) => d.ruleId === 'spf-lookup-limit',
    );
    assert.match(finding.message, /needs 11 DNS lookups; the limit is 10/);
    assert.deepEqual(
      finding.related.map((info) => info.message),
      ['include:_spf.example.com: 7 lookups (answered by zone)', 'include:_inner.example.com: 4 lookups (answered by zone)', 'include:spf.provider.example: 4 lookups (answered by dns)'],
    );
  });
});
