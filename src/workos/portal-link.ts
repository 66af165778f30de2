import { z } from "zod";

/** What generating an Admin Portal link answers: the link (the spec's PortalLinkResponse). */
export const portalLink = z.looseObject({ link: z.string() });

export type PortalLink = z.infer<typeof portalLink>;
