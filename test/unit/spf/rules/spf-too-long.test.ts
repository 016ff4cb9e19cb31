// Table test for spf-too-long: records over 450 octets, counted after joining the strings.

import { describeRuleTable, mark } from '../helpers/ruleTable';

const W = 'warning: spf-too-long';
const ip4s = (count: number): string => Array.from({ length: count }, (_, i) => `ip4:192.0.2.${i}`).join(' ');

describeRuleTable('spf-too-long', {
  valid: [`@ TXT "v=spf1 ${ip4s(15)}" " ${ip4s(15)} -all"\n`],
  invalid: [mark(`@ TXT "v=spf1 ${ip4s(12)}" " ${ip4s(12)}" " ${ip4s(12)} -all"`, `"v=spf1 ${ip4s(12)}" " ${ip4s(12)}" " ${ip4s(12)} -all"`, W)],
});
