import { z } from "zod";

export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email({ message: "Enter a valid email address" }));
export const PasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");
export const NameSchema = z.string().trim().min(1, "Required").max(120);
export const RoleSchema = z.enum(["owner", "editor", "viewer"]);

export const SetupBodySchema = z.object({
  token: z.string().min(1).max(200),
  name: NameSchema,
  email: EmailSchema,
  password: PasswordSchema,
  workspaceName: NameSchema,
});

export const LoginBodySchema = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const SwitchWorkspaceBodySchema = z.object({ workspaceId: z.string().min(1).max(64) });

export const UserSchema = z.object({ id: z.string(), email: z.string(), name: z.string(), createdAt: z.string() });
export const WorkspaceRefSchema = z.object({ id: z.string(), name: z.string(), role: RoleSchema });
export const MeSchema = z.object({
  user: UserSchema,
  workspace: WorkspaceRefSchema.nullable(),
  workspaces: z.array(WorkspaceRefSchema),
});

export const CreateTokenBodySchema = z.object({ name: z.string().trim().min(1).max(80) });
export const ApiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
