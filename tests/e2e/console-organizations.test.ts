/**
 * The console's Organizations section: the list with search, creating an organization (slug
 * from the name), and its members: add an existing user by email, change a role, remove, with
 * the organization plugin's rules (the only owner stays, the membership limit holds).
 */
import { patchTenantConfig } from "./fixtures";
import { expect, test } from "./console-fixtures";

test.describe.configure({ timeout: 90_000 });

test("an admin creates an organization and manages its members within the plugin's rules", async ({
  page,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
  otherAccount,
}) => {
  const { slug } = ownedTenant;
  const [ada, bo, cy] = [uniqueEmail("ada"), uniqueEmail("bo"), uniqueEmail("cy")];
  for (const [name, email] of [
    ["Ada", ada],
    ["Bo", bo],
    ["Cy", cy],
  ] as const)
    await apiSignUp(slug, { name, email });

  await page.goto(`/admin/${slug}/organizations`);
  await expect(page.getByText("No organizations yet")).toBeVisible();
  await page.getByLabel("Organization name").fill("Acme Rockets");
  await expect(page.getByLabel("Organization slug")).toHaveValue("acme-rockets");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("status")).toContainText("Acme Rockets was created.");
  await expect(page).toHaveURL(/\/organizations\/[^/]+\/members$/);
  const membersUrl = page.url();
  await expect(page.getByRole("heading", { name: "Acme Rockets" })).toBeVisible();
  const tabs = page.getByRole("navigation", { name: "Organization sections" });
  await expect(tabs.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page");

  // Only users of this tenant can be added.
  const email = page.getByLabel("Email of an existing user");
  await email.fill("nobody@example.com");
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(email).toHaveAccessibleDescription("No user of this tenant has this email address.");

  const add = async (address: string, role: string) => {
    await page.getByLabel("Email of an existing user").fill(address);
    await page.getByLabel("Role", { exact: true }).selectOption(role);
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByRole("status")).toContainText(`${address} is now a ${role} of Acme Rockets.`);
  };
  await add(ada, "owner");
  await add(bo, "member");
  const members = page.getByRole("table", { name: "Members" });
  const roleOf = (address: string) => page.getByRole("combobox", { name: `Role of ${address}` });
  await expect(members.getByRole("row")).toHaveCount(3);
  await expect(roleOf(ada)).toHaveValue("owner");

  // Adding the same user twice is refused on the field.
  await page.getByLabel("Email of an existing user").fill(bo);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByLabel("Email of an existing user")).toHaveAccessibleDescription(
    "This user is already a member of the organization.",
  );

  await roleOf(bo).selectOption("admin");
  await page.getByRole("button", { name: `Save role of ${bo}` }).click();
  await expect(page.getByRole("status")).toContainText(`${bo} is now admin.`);
  await expect(roleOf(bo)).toHaveValue("admin");

  // The only owner can neither be demoted nor removed.
  await roleOf(ada).selectOption("member");
  await page.getByRole("button", { name: `Save role of ${ada}` }).click();
  await expect(page.getByRole("alert")).toContainText("This is the organization's only owner");
  await page.getByRole("button", { name: `Remove ${ada}` }).click();
  await expect(page.getByRole("alert")).toContainText("This is the organization's only owner");
  await page.goto(membersUrl);
  await expect(roleOf(ada)).toHaveValue("owner");

  // The tenant's membership limit holds here as in the plugin.
  await patchTenantConfig(slug, { authMethods: { organizations: { membershipLimit: 2 } } });
  await page.goto(membersUrl);
  await expect(page.getByRole("heading", { name: "Members (2 of at most 2)" })).toBeVisible();
  await page.getByLabel("Email of an existing user").fill(cy);
  await page.getByRole("button", { name: "Add member" }).click();
  await expect(page.getByRole("alert")).toContainText("already has 2 members");

  await page.getByRole("button", { name: `Remove ${bo}` }).click();
  await expect(page.getByRole("status")).toContainText(`${bo} was removed from Acme Rockets.`);
  await expect(members.getByRole("row")).toHaveCount(2);

  // The list counts members and finds the organization by part of its name or slug.
  await page.goto(`/admin/${slug}/organizations?q=ROCK`);
  const list = page.getByRole("table", { name: "Organizations" });
  await expect(list.getByRole("row", { name: /Acme Rockets/ })).toContainText("acme-rockets1");
  await page.getByLabel("Search organizations").fill("zeppelin");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No organization matches")).toBeVisible();

  // Every change is in the audit log.
  await page.goto(`/admin/${slug}/audit?type=admin.organization.`);
  for (const type of ["created", "member_added", "member_role_changed", "member_removed"])
    await expect(page.getByText(`admin.organization.${type}`).first()).toBeVisible();

  // A viewer reads the members but has no controls.
  const viewer = await otherAccount("viewer", slug);
  await viewer.page.goto(membersUrl);
  await expect(viewer.page.getByRole("table", { name: "Members" })).toContainText(ada);
  await expect(viewer.page.getByRole("button", { name: "Add member" })).toHaveCount(0);
  await expect(viewer.page.getByRole("button", { name: `Remove ${ada}` })).toHaveCount(0);
});

test("teams: switched on from the tab's hint, created, filled within the limit, renamed and deleted", async ({
  page,
  ownedTenant,
  apiSignUp,
  uniqueEmail,
}) => {
  const { slug } = ownedTenant;
  const [ada, bo] = [uniqueEmail("ada"), uniqueEmail("bo")];
  await apiSignUp(slug, { name: "Ada", email: ada });
  await apiSignUp(slug, { name: "Bo", email: bo });
  await page.goto(`/admin/${slug}/organizations`);
  await page.getByLabel("Organization name").fill("Moon Base");
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByRole("status")).toContainText("Moon Base was created.");
  for (const [email, role] of [
    [ada, "owner"],
    [bo, "member"],
  ] as const) {
    await page.getByLabel("Email of an existing user").fill(email);
    await page.getByLabel("Role", { exact: true }).selectOption(role);
    await page.getByRole("button", { name: "Add member" }).click();
    await expect(page.getByRole("status")).toContainText(`${email} is now a ${role} of Moon Base.`);
  }
  const teamsUrl = page.url().replace(/\/members$/, "/teams");

  await page.goto(teamsUrl);
  const note = page.getByRole("note");
  await expect(note).toHaveText(
    "Teams are off for this tenant (they need Organizations on too). Switch it on in Auth methods.",
  );
  await expect(note.getByRole("link", { name: "Auth methods" })).toHaveAttribute("href", `/admin/${slug}/auth-methods`);
  await expect(page.getByRole("button", { name: "Create team" })).toHaveCount(0);
  await patchTenantConfig(slug, {
    authMethods: { organizations: { enabled: true }, teams: { enabled: true, maximumMembersPerTeam: 1 } },
  });
  await page.reload();
  await expect(page.getByRole("note")).toHaveCount(0);

  await page.getByLabel("Team name").fill("Rocketry");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByRole("status")).toContainText("Team Rocketry was created.");
  await page.getByLabel("Team name").fill("Rocketry");
  await page.getByRole("button", { name: "Create team" }).click();
  await expect(page.getByLabel("Team name")).toHaveAccessibleDescription(
    "Another team of this organization has this name.",
  );

  const team = page.getByRole("region", { name: "Team Rocketry" });
  await team.getByLabel("Add to Rocketry").selectOption({ label: ada });
  await team.getByRole("button", { name: "Add to team" }).click();
  await expect(page.getByRole("status")).toContainText(`${ada} joined Rocketry.`);
  await expect(team.getByRole("list", { name: "Members of Rocketry" })).toContainText(ada);
  // One member per team here: the plugin's limit refuses Bo.
  await team.getByLabel("Add to Rocketry").selectOption({ label: bo });
  await team.getByRole("button", { name: "Add to team" }).click();
  await expect(team.getByRole("alert")).toContainText("This team is full: the tenant allows 1 per team");

  await team.getByLabel("New name for Rocketry").fill("Propulsion");
  await team.getByRole("button", { name: "Rename" }).click();
  await expect(page.getByRole("status")).toContainText("The team is now called Propulsion.");
  const renamed = page.getByRole("region", { name: "Team Propulsion" });
  await renamed.getByRole("button", { name: `Remove ${ada} from Propulsion` }).click();
  await expect(page.getByRole("status")).toContainText(`${ada} left Propulsion.`);
  await expect(renamed.getByText("No members yet.")).toBeVisible();
  await renamed.getByRole("button", { name: "Delete team Propulsion" }).click();
  await expect(page.getByRole("status")).toContainText("Team Propulsion was deleted.");
  await expect(page.getByText("No teams yet")).toBeVisible();

  await page.goto(`/admin/${slug}/audit?type=admin.organization.`);
  for (const type of ["team_created", "team_members_changed", "team_renamed", "team_deleted"])
    await expect(page.getByText(`admin.organization.${type}`).first()).toBeVisible();
});
