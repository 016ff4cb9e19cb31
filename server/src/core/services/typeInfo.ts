// Short descriptions of the record types people meet in zone files, with the RFC that defines each, for hovers.

export interface TypeInfo {
  readonly summary: string;
  readonly rfc: string;
}

export const TYPE_INFO: Readonly<Record<string, TypeInfo>> = {
  A: { summary: 'IPv4 address of the name.', rfc: 'RFC 1035 §3.4.1' },
  AAAA: { summary: 'IPv6 address of the name.', rfc: 'RFC 3596 §2' },
  AFSDB: { summary: 'AFS database or DCE server of the name.', rfc: 'RFC 1183 §1' },
  CAA: { summary: 'Which certificate authorities may issue certificates for the name.', rfc: 'RFC 8659' },
  CDNSKEY: { summary: 'Child copy of a DNSKEY the parent should publish a DS for.', rfc: 'RFC 7344' },
  CDS: { summary: 'Child copy of the DS record the parent should publish.', rfc: 'RFC 7344' },
  CERT: { summary: 'A certificate or certificate revocation list.', rfc: 'RFC 4398' },
  CNAME: { summary: 'The name is an alias of the target; an alias owns no other data.', rfc: 'RFC 1034 §3.6.2' },
  CSYNC: { summary: 'Which child records the parent should copy.', rfc: 'RFC 7477' },
  DHCID: { summary: 'DHCP client identifier of the name.', rfc: 'RFC 4701' },
  DNAME: { summary: 'Redirects every name below the owner to the same name below the target.', rfc: 'RFC 6672' },
  DNSKEY: { summary: 'A public key of the zone for DNSSEC.', rfc: 'RFC 4034 §2' },
  DS: { summary: 'Digest of a child zone\'s key, published by the parent for DNSSEC.', rfc: 'RFC 4034 §5' },
  HINFO: { summary: 'CPU and operating system of the host (RFC 8482 reuses it for ANY answers).', rfc: 'RFC 1035 §3.3.2' },
  HTTPS: { summary: 'Service binding for HTTPS: endpoints and connection parameters.', rfc: 'RFC 9460' },
  KEY: { summary: 'A public key (now only for SIG(0) and TKEY).', rfc: 'RFC 2535, RFC 3445' },
  LOC: { summary: 'Geographic location of the name.', rfc: 'RFC 1876' },
  MX: { summary: 'A mail exchanger for the name: preference (lower wins) and host.', rfc: 'RFC 1035 §3.3.9, RFC 7505 (null MX)' },
  NAPTR: { summary: 'A rewrite rule for URI resolution (ENUM, SIP).', rfc: 'RFC 3403' },
  NS: { summary: 'An authoritative name server of the zone or of a delegated child zone.', rfc: 'RFC 1035 §3.3.11' },
  NSEC: { summary: 'The next name of the zone and the types at this name, for DNSSEC denial of existence.', rfc: 'RFC 4034 §4' },
  NSEC3: { summary: 'Hashed denial of existence for DNSSEC.', rfc: 'RFC 5155' },
  NSEC3PARAM: { summary: 'Parameters the authoritative servers use to build NSEC3 records.', rfc: 'RFC 5155 §4' },
  OPENPGPKEY: { summary: 'An OpenPGP public key for an e-mail address.', rfc: 'RFC 7929' },
  PTR: { summary: 'Points to another name, mostly for reverse lookups of addresses.', rfc: 'RFC 1035 §3.3.12' },
  RP: { summary: 'The person responsible for the name: a mailbox and a TXT name.', rfc: 'RFC 1183 §2' },
  RRSIG: { summary: 'A DNSSEC signature over one RRset.', rfc: 'RFC 4034 §3' },
  SMIMEA: { summary: 'An S/MIME certificate association for an e-mail address.', rfc: 'RFC 8162' },
  SOA: { summary: 'Start of authority: primary server, contact, serial and the timers of the zone.', rfc: 'RFC 1035 §3.3.13' },
  SPF: { summary: 'Retired SPF record type: receivers read SPF from TXT only.', rfc: 'RFC 7208 §3.1' },
  SRV: { summary: 'Where a service runs: priority, weight, port and target host.', rfc: 'RFC 2782' },
  SSHFP: { summary: 'Fingerprint of an SSH host key.', rfc: 'RFC 4255' },
  SVCB: { summary: 'Service binding: alternative endpoints and connection parameters.', rfc: 'RFC 9460' },
  TLSA: { summary: 'A TLS certificate association for DANE.', rfc: 'RFC 6698' },
  TXT: { summary: 'Text strings; SPF, DKIM and DMARC records live here.', rfc: 'RFC 1035 §3.3.14' },
  URI: { summary: 'A URI for a service: priority, weight and target.', rfc: 'RFC 7553' },
  ZONEMD: { summary: 'A digest of the whole zone.', rfc: 'RFC 8976' },
};
