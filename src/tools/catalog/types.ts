/** A JSON type, as far as the catalog checks arguments against it. */
export type CatalogType = "string" | "integer" | "number" | "boolean" | "array" | "object";

/** A path or query parameter of an operation. */
export interface CatalogParam {
  name: string;
  in: "path" | "query";
  required?: true;
  type?: CatalogType;
  enum?: string[];
}

/** A top-level field of a request body. */
export interface CatalogField {
  name: string;
  required?: true;
  type?: CatalogType;
}

/** One operation of WorkOS's OpenAPI spec, as the catalog toolset knows it (scripts/catalog-operations.ts). */
export interface CatalogOperation {
  /** The spec's operationId. */
  id: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** The path template, `{name}` for each path parameter. */
  path: string;
  /** One line, the spec's own words. */
  summary: string;
  tag: string;
  params: CatalogParam[];
  /** The JSON request body: its top-level fields; `open` when it takes fields beyond them. */
  body?: { required?: true; open?: true; fields: CatalogField[] };
  /** A DELETE, or an operation whose summary says it deletes, revokes or removes: the user confirms it. */
  destructive?: true;
  /** The GET operation that reads what a destructive operation targets, for the confirmation's preview. */
  preview?: string;
}
