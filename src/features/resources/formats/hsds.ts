// Open Referral HSDS 3.x: a PeerBridge resource is an HSDS `service`. Category and tags are
// `attributes` with taxonomy terms (taxonomies `peerbridge-category`, `peerbridge-tag`),
// regions are `service_areas` (extent_type "text", extent = the region code), phones keep their
// type (voice -> phone, text -> text), hours are a schedule's description, verification is
// `assured_date`. What HSDS has no field for (chat links, more web addresses, the source, who
// verified, the city) travels in `x_peerbridge`; unknown top-level fields of an imported service
// are kept in `extras` and written back on export, so a round trip drops nothing.
import { z } from 'zod';
import { CATEGORY_TAXONOMY, categoryLabels, TAG_TAXONOMY } from '../categories.ts';
import type { Contact, ResourceInput, ResourceRecord } from '../record.ts';

const known = new Set([
  'id',
  'name',
  'description',
  'status',
  'url',
  'email',
  'organization',
  'phones',
  'schedules',
  'service_areas',
  'languages',
  'fees_description',
  'assured_date',
  'attributes',
  'x_peerbridge',
]);

const Text = z.string().nullish();
const PhoneSchema = z.looseObject({
  number: z.union([z.string(), z.number()]).transform(String),
  type: Text,
  description: Text,
});
const AttributeSchema = z.looseObject({
  value: Text,
  taxonomy_term: z.looseObject({ code: Text, name: Text, taxonomy: Text }).nullish(),
});
const ExtensionSchema = z
  .object({
    contacts: z
      .array(z.object({ kind: z.string(), value: z.string(), note: z.string().optional() }))
      .default([]),
    source: z.string().optional(),
    verified_by: z.string().optional(),
    city: z.string().optional(),
  })
  .default({ contacts: [] });

const ServiceSchema = z.looseObject({
  id: z.unknown(),
  name: z.unknown(),
  description: Text,
  status: Text,
  url: Text,
  email: Text,
  organization: z.looseObject({ name: Text }).nullish(),
  phones: z.array(PhoneSchema).nullish(),
  schedules: z.array(z.looseObject({ description: Text })).nullish(),
  service_areas: z.array(z.looseObject({ extent: Text, extent_type: Text, name: Text })).nullish(),
  languages: z.array(z.looseObject({ code: Text, name: Text })).nullish(),
  fees_description: Text,
  assured_date: Text,
  attributes: z.array(AttributeSchema).nullish(),
  x_peerbridge: ExtensionSchema,
});

export type HsdsService = Record<string, unknown>;

/** An HSDS service (already dereferenced) to record input, for ResourceRecordSchema to judge. */
export function serviceToInput(raw: unknown): ResourceInput | { problem: string } {
  const parsed = ServiceSchema.safeParse(raw);
  if (!parsed.success)
    return { problem: `this is not an HSDS service (${parsed.error.issues[0]?.message ?? 'unreadable'})` };
  const s = parsed.data;
  const terms = (s.attributes ?? []).flatMap((a) => (a.taxonomy_term ? [a.taxonomy_term] : []));
  const categoryTerm = terms.find((t) => t.taxonomy === CATEGORY_TAXONOMY);
  const contacts: Contact[] = [
    ...(s.phones ?? []).map(
      (p): Contact => ({
        kind: p.type === 'text' ? 'text' : 'phone',
        // Open Referral's own examples quote the number inside the value ("\"+44 …\"").
        value: p.number.replace(/^"+|"+$/g, '').trim(),
        ...(p.description ? { note: p.description } : {}),
      }),
    ),
    ...(s.url ? [{ kind: 'web' as const, value: s.url }] : []),
    ...(s.email ? [{ kind: 'email' as const, value: s.email }] : []),
    ...(s.x_peerbridge.contacts as Contact[]),
  ];
  const extras = Object.fromEntries(Object.entries(s).filter(([key]) => !known.has(key)));
  const organization = s.organization;
  if (organization && Object.keys(organization).some((k) => k !== 'name' && k !== 'id'))
    extras.organization = organization;
  const input: ResourceInput = {
    id: s.id as string,
    title: s.name as string,
    // A directory from another system has no PeerBridge category: its services are, by HSDS's
    // definition, services to refer people to (an admin can change the kind with Edit).
    category: categoryTerm?.code ?? categoryTerm?.name ?? 'referral-service',
    summary: s.description ?? '',
    ...(s.status ? { status: s.status as ResourceInput['status'] } : {}),
    ...(organization?.name ? { organizationName: organization.name } : {}),
    regions: (s.service_areas ?? []).flatMap((a) => (a.extent_type === 'text' && a.extent ? [a.extent] : [])),
    contacts,
    ...(s.schedules?.[0]?.description ? { hours: s.schedules[0].description } : {}),
    languages: (s.languages ?? []).flatMap((l) => (l.code ? [l.code] : l.name ? [l.name] : [])),
    tags: terms.filter((t) => t.taxonomy === TAG_TAXONOMY).flatMap((t) => (t.name ? [t.name] : [])),
    ...(s.fees_description ? { cost: s.fees_description } : {}),
    ...(s.x_peerbridge.source ? { source: s.x_peerbridge.source } : {}),
    ...(s.assured_date ? { verifiedOn: s.assured_date } : {}),
    ...(s.x_peerbridge.verified_by ? { verifiedBy: s.x_peerbridge.verified_by } : {}),
    ...(s.x_peerbridge.city ? { city: s.x_peerbridge.city } : {}),
    extras,
  };
  return input;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A record as an HSDS service, with stable ids for its parts (so exports compare equal). */
export function recordToService(record: ResourceRecord): HsdsService {
  const phones = record.contacts.filter((c) => c.kind === 'phone' || c.kind === 'text');
  const web = record.contacts.find((c) => c.kind === 'web' && !c.note);
  const email = record.contacts.find((c) => c.kind === 'email' && !c.note);
  const rest = record.contacts.filter((c) => !phones.includes(c) && c !== web && c !== email);
  const { organization: keptOrganization, ...extras } = record.extras;
  const organization =
    record.organizationName !== undefined
      ? {
          id: `org-${slug(record.organizationName)}`,
          ...(keptOrganization && typeof keptOrganization === 'object' ? keptOrganization : {}),
          name: record.organizationName,
        }
      : undefined;
  const extension = {
    ...(rest.length > 0 ? { contacts: rest } : {}),
    ...(record.source ? { source: record.source } : {}),
    ...(record.verifiedBy ? { verified_by: record.verifiedBy } : {}),
    ...(record.city ? { city: record.city } : {}),
  };
  return {
    ...extras,
    id: record.id,
    name: record.title,
    description: record.summary,
    status: record.status,
    ...(web ? { url: web.value } : {}),
    ...(email ? { email: email.value } : {}),
    ...(organization ? { organization } : {}),
    phones: phones.map((p, i) => ({
      id: `${record.id}-phone-${i + 1}`,
      number: p.value,
      type: p.kind === 'text' ? 'text' : 'voice',
      ...(p.note ? { description: p.note } : {}),
    })),
    schedules: record.hours ? [{ id: `${record.id}-hours`, description: record.hours }] : [],
    service_areas: record.regions.map((region) => ({
      id: `${record.id}-area-${region}`,
      name: region,
      extent: region,
      extent_type: 'text',
    })),
    languages: record.languages.map((code) => ({ id: `${record.id}-lang-${code}`, name: code, code })),
    ...(record.cost ? { fees_description: record.cost } : {}),
    ...(record.verifiedOn ? { assured_date: record.verifiedOn } : {}),
    attributes: [
      {
        id: `${record.id}-category`,
        link_type: 'service',
        link_entity: 'service',
        value: record.category,
        taxonomy_term: {
          id: `term-${record.category}`,
          code: record.category,
          name: categoryLabels[record.category],
          taxonomy: CATEGORY_TAXONOMY,
        },
      },
      ...record.tags.map((tag) => ({
        id: `${record.id}-tag-${slug(tag)}`,
        link_type: 'service',
        link_entity: 'service',
        value: tag,
        taxonomy_term: { id: `term-tag-${slug(tag)}`, code: slug(tag), name: tag, taxonomy: TAG_TAXONOMY },
      })),
    ],
    ...(Object.keys(extension).length > 0 ? { x_peerbridge: extension } : {}),
  };
}

/** HSDS JSON as files carry it: an array, a paginated list (`contents`), or one service. */
export function servicesOf(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (json && typeof json === 'object' && 'contents' in json && Array.isArray(json.contents))
    return json.contents;
  return [json];
}
