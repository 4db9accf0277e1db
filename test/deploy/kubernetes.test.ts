// deploy/kubernetes rendered (base and the example overlay) and every object validated against
// the Kubernetes schemas that kubernetes-models carries; then what an operator relies on:
// probes on the health port with the meanings of src/lifecycle/health.ts, a locked-down
// security context, secrets only by reference to a Secret, two replicas and a PDB, and the
// NODE_EXTRA_CA_CERTS option. Where kubectl is installed, `kubectl kustomize` must render the
// same objects as the small renderer the test uses (kustomize-lite.ts).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ConfigMap, Namespace, Service, ServiceAccount } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { SECRET_SETTINGS } from '../../src/config.ts';
import { type K8sObject, renderKustomization } from './kustomize-lite.ts';

const root = join(import.meta.dirname, '..', '..', 'deploy', 'kubernetes');
const base = join(root, 'base');
const overlay = join(root, 'overlays', 'example');

const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': Deployment,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'v1/ConfigMap': ConfigMap,
  'v1/Namespace': Namespace,
  'v1/Service': Service,
  'v1/ServiceAccount': ServiceAccount,
};

type Json = Record<string, unknown>;

function validate(objects: readonly K8sObject[]): void {
  for (const object of objects) {
    const Model = MODELS[`${object.apiVersion}/${object.kind}`];
    expect(Model, `a schema for ${object.apiVersion} ${object.kind}`).toBeDefined();
    expect(
      () => new Model!(structuredClone(object) as never).validate(),
      `${object.kind} ${object.metadata.name}`,
    ).not.toThrow();
  }
}

const one = (objects: readonly K8sObject[], kind: string, name: string) => {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  expect(found, `${kind} ${name}`).toHaveLength(1);
  return found[0]! as Json & K8sObject;
};

interface Container {
  name: string;
  image: string;
  env: { name: string; value?: string; valueFrom?: Json }[];
  envFrom?: Json[];
  ports: { name: string; containerPort: number }[];
  startupProbe: Json;
  livenessProbe: Json;
  readinessProbe: Json;
  securityContext: Json;
  resources: { requests?: Json; limits?: Json };
  volumeMounts: { name: string; mountPath: string }[];
}

function podOf(deployment: Json) {
  const template = (deployment.spec as Json).template as Json;
  const pod = template.spec as Json & { containers: Container[]; volumes: Json[]; securityContext: Json };
  return { pod, container: pod.containers[0]! };
}

/** Sorts keys and list items, so two renderings compare as sets of the same objects. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map(canonical).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    );
  return value;
}

const kubectl = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
const haveKubectl = kubectl.status === 0;

describe('Kubernetes manifests', () => {
  const rendered = { base: renderKustomization(base), overlay: renderKustomization(overlay) };

  it('renders base and overlay into objects valid against the Kubernetes schemas', () => {
    expect(rendered.base.map((o) => o.kind).sort()).toEqual(
      ['ConfigMap', 'Deployment', 'PodDisruptionBudget', 'Service', 'Service', 'ServiceAccount'].sort(),
    );
    validate(rendered.base);
    validate(rendered.overlay);
    // The validator itself refuses what the API server would.
    const broken = structuredClone(one(rendered.base, 'Deployment', 'peerbridge'));
    podOf(broken).container.securityContext.runAsNonRoot = 'yes';
    expect(() => new Deployment(broken as never).validate()).toThrow(/runAsNonRoot/);
  });

  it('runs two non-root replicas on PostgreSQL with probes that mean what health.ts serves', () => {
    const deployment = one(rendered.overlay, 'Deployment', 'peerbridge');
    expect((deployment.spec as Json).replicas).toBe(2);
    const { pod, container } = podOf(deployment);
    const health = container.ports.find((p) => p.name === 'health')!;
    const config = one(rendered.overlay, 'ConfigMap', 'peerbridge-config').data as Json;
    expect(String(health.containerPort)).toBe(config.HEALTH_PORT);
    const probe = (p: Json) => p.httpGet as Json;
    expect(probe(container.livenessProbe)).toEqual({ path: '/livez', port: 'health' });
    expect(probe(container.readinessProbe)).toEqual({ path: '/readyz', port: 'health' });
    expect(probe(container.startupProbe)).toEqual({ path: '/livez', port: 'health' });
    // A budget for migrations and connecting: at least three minutes before liveness applies.
    const startup = container.startupProbe as { periodSeconds: number; failureThreshold: number };
    expect(startup.periodSeconds * startup.failureThreshold).toBeGreaterThanOrEqual(180);
    // Graceful stop fits in the grace period (SHUTDOWN_GRACE_MS plus a margin).
    expect(Number(pod.terminationGracePeriodSeconds) * 1000).toBeGreaterThan(
      Number(config.SHUTDOWN_GRACE_MS),
    );
    expect(container.resources.requests).toBeDefined();
    expect(container.resources.limits?.memory).toBeDefined();
    expect(container.image).toBe('registry.example.org/peer-support/peerbridge:0.1.0');
  });

  it('drops every capability, never runs as root and keeps the root file system read-only', () => {
    const { pod, container } = podOf(one(rendered.overlay, 'Deployment', 'peerbridge'));
    expect(pod.securityContext).toMatchObject({
      runAsNonRoot: true,
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(Number(pod.securityContext.runAsUser)).toBeGreaterThan(0);
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      runAsNonRoot: true,
      capabilities: { drop: ['ALL'] },
    });
    expect(pod.automountServiceAccountToken).toBe(false);
    // What the app writes has a writable mount: /tmp, and DATA_DIR (the image's /data).
    expect(container.volumeMounts.map((m) => m.mountPath)).toEqual(expect.arrayContaining(['/tmp', '/data']));
  });

  it('takes every secret by reference to an existing Secret, and holds no secret value', () => {
    const { container } = podOf(one(rendered.overlay, 'Deployment', 'peerbridge'));
    const byName = new Map(container.env.map((e) => [e.name, e]));
    for (const name of [
      'DATABASE_URL',
      'ENCRYPTION_KEY',
      'SLACK_BOT_TOKEN',
      'SLACK_SIGNING_SECRET',
      'DISCORD_TOKEN',
    ]) {
      const entry = byName.get(name);
      expect(entry?.value, name).toBeUndefined();
      expect(entry?.valueFrom, name).toEqual({
        secretKeyRef: expect.objectContaining({ name: 'peerbridge-secrets', key: name }),
      });
    }
    // No secret setting anywhere as a plain value, in env or in a ConfigMap.
    const plain = [
      ...container.env.filter((e) => e.value !== undefined).map((e) => e.name),
      ...rendered.overlay
        .filter((o) => o.kind === 'ConfigMap')
        .flatMap((o) => Object.keys((o.data as Json) ?? {})),
    ];
    expect(plain.filter((name) => (SECRET_SETTINGS as readonly string[]).includes(name))).toEqual([]);
    expect(rendered.overlay.some((o) => o.kind === 'Secret')).toBe(false);
  });

  it('keeps one replica through a drain, serves Slack on the Service and metrics on their own', () => {
    const pdb = one(rendered.overlay, 'PodDisruptionBudget', 'peerbridge');
    expect((pdb.spec as Json).minAvailable).toBe(1);
    const deployment = one(rendered.overlay, 'Deployment', 'peerbridge');
    const podLabels = ((deployment.spec as Json).template as Json).metadata as { labels: Json };
    const selects = (selector: Json) => Object.entries(selector).every(([k, v]) => podLabels.labels[k] === v);
    expect(selects(((pdb.spec as Json).selector as Json).matchLabels as Json)).toBe(true);
    const web = one(rendered.overlay, 'Service', 'peerbridge').spec as { selector: Json; ports: Json[] };
    expect(selects(web.selector)).toBe(true);
    expect(web.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
    const metrics = one(rendered.overlay, 'Service', 'peerbridge-metrics').spec as { ports: Json[] };
    expect(metrics.ports).toEqual([{ name: 'health', port: 9090, targetPort: 'health' }]);
    expect(
      rendered.overlay
        .filter((o) => o.kind !== 'Namespace')
        .every((o) => o.metadata.namespace === 'peer-support'),
    ).toBe(true);
  });

  it('the example overlay trusts a proxy CA through NODE_EXTRA_CA_CERTS, from a mounted ConfigMap', () => {
    const { pod, container } = podOf(one(rendered.overlay, 'Deployment', 'peerbridge'));
    const ca = container.env.find((e) => e.name === 'NODE_EXTRA_CA_CERTS');
    const mount = container.volumeMounts.find((m) => m.name === 'proxy-ca');
    expect(ca?.value).toBe(`${mount?.mountPath}/proxy-ca.pem`);
    const volume = pod.volumes.find((v) => v.name === 'proxy-ca') as { configMap: { name: string } };
    expect(one(rendered.overlay, 'ConfigMap', volume.configMap.name).data).toHaveProperty(['proxy-ca.pem']);
    // The base's own env and mounts are still there after the patch.
    expect(container.env.some((e) => e.name === 'DATABASE_URL')).toBe(true);
    expect(container.volumeMounts.some((m) => m.mountPath === '/tmp')).toBe(true);
  });

  it.skipIf(!haveKubectl)('renders what `kubectl kustomize` renders (where kubectl is installed)', () => {
    for (const [dir, objects] of [
      [base, rendered.base],
      [overlay, rendered.overlay],
    ] as const) {
      const out = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
      expect(out.status, out.stderr).toBe(0);
      const theirs = parseAllDocuments(out.stdout).map((d) => d.toJS() as unknown);
      expect(canonical(objects)).toEqual(canonical(theirs));
    }
  });
  if (!haveKubectl)
    console.info(
      'kubernetes.test: kubectl is not installed; the rendering is checked by kustomize-lite alone',
    );
});
