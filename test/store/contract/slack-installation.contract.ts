import type { SlackInstallationRecord } from '../../../domain';
import { T0, minutes } from '../../support/request-fixtures';
import { INJECTIONS, useStore, type StoreFactory } from './store-factory';

const teamInstall = (teamId: string, sealed: string, extra: Partial<SlackInstallationRecord> = {}): SlackInstallationRecord => ({
  teamId,
  isEnterpriseInstall: false,
  installerUserId: 'U0INSTALL1',
  installedAt: T0,
  sealed,
  ...extra,
});

export function describeSlackInstallationContract(name: string, factory: StoreFactory): void {
  describe(`${name}: SlackInstallationPort (one install per workspace or Grid organization)`, () => {
    const s = useStore(factory);
    const installs = () => s.store.slackInstallations;

    it('save, find by team, save again replaces, delete', async () => {
      expect(await installs().findByTeam('T0AAAA1')).toBeUndefined();
      await installs().save(teamInstall('T0AAAA1', 'sealed-a'));
      await installs().save(teamInstall('T0BBBB2', 'sealed-b', { enterpriseId: 'E0GRID1' }));
      expect(await installs().findByTeam('T0AAAA1')).toEqual(teamInstall('T0AAAA1', 'sealed-a'));
      expect(await installs().findByTeam('T0BBBB2')).toEqual(teamInstall('T0BBBB2', 'sealed-b', { enterpriseId: 'E0GRID1' }));
      await installs().save(teamInstall('T0AAAA1', 'sealed-a2', { installedAt: minutes(5), installerUserId: 'U0OTHER2' }));
      expect(await installs().findByTeam('T0AAAA1')).toMatchObject({ sealed: 'sealed-a2', installerUserId: 'U0OTHER2', installedAt: minutes(5) });
      expect(await installs().deleteTeam('T0AAAA1')).toBe(1);
      expect(await installs().deleteTeam('T0AAAA1')).toBe(0);
      expect(await installs().findByTeam('T0AAAA1')).toBeUndefined();
      expect(await installs().findByTeam('T0BBBB2')).toBeDefined();
    });

    it('an org-wide Enterprise Grid install is found by its enterprise, not as a workspace install', async () => {
      const orgWide: SlackInstallationRecord = { enterpriseId: 'E0GRID1', isEnterpriseInstall: true, installedAt: T0, sealed: 'sealed-grid' };
      await installs().save(orgWide);
      expect(await installs().findByEnterprise('E0GRID1')).toEqual(orgWide);
      expect(await installs().findByEnterprise('E0OTHER')).toBeUndefined();
      // A workspace-level install inside the same Grid is a different record.
      await installs().save(teamInstall('T0CCCC3', 'sealed-c', { enterpriseId: 'E0GRID1' }));
      expect(await installs().findByTeam('T0CCCC3')).toMatchObject({ sealed: 'sealed-c' });
      expect(await installs().findByEnterprise('E0GRID1')).toEqual(orgWide);
      expect(await installs().deleteEnterprise('E0GRID1')).toBe(1);
      expect(await installs().findByEnterprise('E0GRID1')).toBeUndefined();
      expect(await installs().findByTeam('T0CCCC3')).toBeDefined();
    });

    it('refuses installations it cannot key or that carry no sealed content, with a stable code', async () => {
      const refused = async (r: unknown) => expect(installs().save(r as SlackInstallationRecord)).rejects.toMatchObject({ code: 'INSTALLATION_INVALID' });
      await refused(teamInstall('t-lower', 'x'));
      await refused(teamInstall('T0AAAA1', ''));
      await refused({ isEnterpriseInstall: false, installedAt: T0, sealed: 'x' });
      await refused({ teamId: 'T0AAAA1', isEnterpriseInstall: true, installedAt: T0, sealed: 'x' });
      await refused(teamInstall('T0AAAA1', 'x', { installedAt: new Date(NaN) }));
      for (const bad of INJECTIONS) await refused(teamInstall(bad as string, 'x'));
      expect(await installs().findByTeam('T0AAAA1')).toBeUndefined();
    });

    it('treats operator-shaped IDs as plain values', async () => {
      await installs().save(teamInstall('T0AAAA1', 'sealed-a'));
      for (const bad of INJECTIONS) {
        expect(await installs().findByTeam(bad as string)).toBeUndefined();
        expect(await installs().findByEnterprise(bad as string)).toBeUndefined();
        expect(await installs().deleteTeam(bad as string)).toBe(0);
        expect(await installs().deleteEnterprise(bad as string)).toBe(0);
      }
      expect(await installs().findByTeam('T0AAAA1')).toBeDefined();
    });

    it('race: concurrent saves of one workspace leave one of them', async () => {
      const sealed = Array.from({ length: 6 }, (_, i) => `sealed-${i}`);
      await Promise.all(sealed.map((x) => installs().save(teamInstall('T0RACE1', x))));
      expect(sealed).toContain((await installs().findByTeam('T0RACE1'))?.sealed);
    });

    it('survives a restart', async () => {
      await installs().save(teamInstall('T0KEPT1', 'sealed-kept'));
      await s.store.close();
      const after = await s.reopen();
      expect(await after.slackInstallations.findByTeam('T0KEPT1')).toEqual(teamInstall('T0KEPT1', 'sealed-kept'));
    });
  });
}
