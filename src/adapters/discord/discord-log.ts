/** An error as log fields: its kind and message only (Discord's messages hold ids, not what people wrote). */
export function errorFields(error: unknown): Record<string, unknown> {
  if (error instanceof Error) return { type: error.name, message: error.message };
  return { type: typeof error };
}
