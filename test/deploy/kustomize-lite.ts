// A small renderer for the kustomize features deploy/kubernetes uses, so the manifests are
// tested on machines without kustomize (no npm or Debian package ships it; `kubectl kustomize`
// is compared against this where kubectl happens to be installed): resources (files and
// folders with a kustomization.yaml), namespace, labels (with includeSelectors), images,
// configMapGenerator (files, without a name hash: the example overlay turns it off) and
// strategic-merge patches for the lists these manifests patch (merged by name or mountPath).
// Anything else in a kustomization fails loudly rather than rendering something different.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export type K8sObject = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
};

type Json = Record<string, unknown>;

const KNOWN = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'labels',
  'images',
  'configMapGenerator',
  'generatorOptions',
  'patches',
]);
const CLUSTER_SCOPED = new Set(['Namespace']);
/** Strategic-merge keys of the lists the patches touch (as Kubernetes' schema declares them). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
};

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function readYaml(path: string): Json[] {
  return parseAllDocuments(readFileSync(path, 'utf8'))
    .map((doc) => doc.toJS() as unknown)
    .filter(isObject);
}

export function strategicMerge(base: unknown, patch: unknown, key?: string): unknown {
  if (Array.isArray(base) && Array.isArray(patch) && key && MERGE_KEYS[key]) {
    const by = MERGE_KEYS[key];
    const merged = [...base] as Json[];
    const added: Json[] = [];
    for (const item of patch as Json[]) {
      const at = merged.findIndex((b) => b[by] === item[by]);
      if (at >= 0) merged[at] = strategicMerge(merged[at], item) as Json;
      else added.push(item);
    }
    // kustomize puts items the patch adds before the base's.
    return [...added, ...merged];
  }
  if (isObject(base) && isObject(patch)) {
    const out: Json = { ...base };
    for (const [k, v] of Object.entries(patch)) out[k] = k in base ? strategicMerge(base[k], v, k) : v;
    return out;
  }
  return patch;
}

function addLabels(object: K8sObject, labels: Record<string, string>, selectors: boolean): void {
  object.metadata.labels = { ...object.metadata.labels, ...labels };
  if (!selectors) return;
  const spec = object.spec as Json | undefined;
  if (!spec) return;
  if (object.kind === 'Service') spec.selector = { ...(spec.selector as Json), ...labels };
  if (object.kind === 'Deployment' || object.kind === 'PodDisruptionBudget') {
    const selector = spec.selector as Json;
    selector.matchLabels = { ...(selector.matchLabels as Json), ...labels };
  }
  if (object.kind === 'Deployment') {
    const template = spec.template as Json;
    const meta = template.metadata as Json;
    meta.labels = { ...(meta.labels as Json), ...labels };
    for (const spread of ((template.spec as Json).topologySpreadConstraints ?? []) as Json[]) {
      const selector = spread.labelSelector as Json;
      selector.matchLabels = { ...(selector.matchLabels as Json), ...labels };
    }
  }
}

function setImages(object: K8sObject, images: readonly Json[]): void {
  if (object.kind !== 'Deployment') return;
  const pod = ((object.spec as Json).template as Json).spec as Json;
  for (const container of pod.containers as Json[]) {
    const [name] = String(container.image).split(':');
    const rule = images.find((i) => i.name === name);
    if (rule) container.image = `${rule.newName ?? name}:${rule.newTag ?? 'latest'}`;
  }
}

/** Renders a folder holding a kustomization.yaml, like `kustomize build`. */
export function renderKustomization(dir: string): K8sObject[] {
  const k = readYaml(join(dir, 'kustomization.yaml'))[0]!;
  const unknown = Object.keys(k).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) throw new Error(`kustomize-lite does not know ${unknown.join(', ')} (${dir})`);
  let objects: K8sObject[] = [];
  for (const resource of (k.resources ?? []) as string[]) {
    const path = join(dir, resource);
    if (statSync(path).isDirectory()) objects.push(...renderKustomization(path));
    else objects.push(...(readYaml(path) as K8sObject[]));
  }
  for (const generator of (k.configMapGenerator ?? []) as Json[]) {
    if (!(k.generatorOptions as Json | undefined)?.disableNameSuffixHash)
      throw new Error('kustomize-lite renders configMapGenerator only with disableNameSuffixHash');
    const data = Object.fromEntries(
      ((generator.files ?? []) as string[]).map((file) => [
        basename(file),
        readFileSync(join(dir, file), 'utf8'),
      ]),
    );
    objects.push({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: String(generator.name) }, data });
  }
  for (const { pairs, includeSelectors } of (k.labels ?? []) as Json[])
    for (const object of objects)
      addLabels(object, pairs as Record<string, string>, includeSelectors === true);
  for (const { path } of (k.patches ?? []) as Json[]) {
    for (const patch of readYaml(join(dir, String(path))) as K8sObject[]) {
      const at = objects.findIndex((o) => o.kind === patch.kind && o.metadata.name === patch.metadata.name);
      if (at < 0) throw new Error(`patch ${String(path)} matches nothing`);
      objects[at] = strategicMerge(objects[at], patch) as K8sObject;
    }
  }
  if (k.images) for (const object of objects) setImages(object, k.images as Json[]);
  if (typeof k.namespace === 'string') {
    const ns = k.namespace;
    objects = objects.map((o) =>
      CLUSTER_SCOPED.has(o.kind) ? o : { ...o, metadata: { ...o.metadata, namespace: ns } },
    );
  }
  return objects;
}

export const hasKustomization = (dir: string) => existsSync(join(dir, 'kustomization.yaml'));
