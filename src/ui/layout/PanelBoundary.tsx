import { Component, type ErrorInfo, type ReactNode } from 'react';
import { errorMessage } from '../../core';
import { FaultPoint } from './FaultPoint';

/**
 * A crash inside one panel stays in that panel: it shows what went wrong and a button that
 * mounts the panel afresh, while the run bar, the charts and every other panel go on working.
 * What the panel shows lives in the store, so a reset loses nothing kept.
 */

interface PanelBoundaryProps {
  /** The panel's name as the page shows it: "Schedule", "Kept runs". */
  name: string;
  /**
   * Called when the panel crashes; true when it set aside what the panel was drawing (kept
   * runs shown on a chart), so the panel is mounted again at once, without them. A second
   * crash with nothing left to set aside shows the message.
   */
  onCrash?: () => boolean;
  children: ReactNode;
}

interface PanelBoundaryState {
  error: unknown;
  /** Bumped by Reset: a new key mounts the panel's tree afresh. */
  generation: number;
}

export class PanelBoundary extends Component<PanelBoundaryProps, PanelBoundaryState> {
  override state: PanelBoundaryState = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<PanelBoundaryState> {
    return { error: error ?? new Error('unknown error') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`The ${this.props.name} panel crashed`, error, info.componentStack);
    if (this.props.onCrash?.()) this.reset();
  }

  private readonly reset = () =>
    this.setState((state) => ({ error: null, generation: state.generation + 1 }));

  override render() {
    const { name, children } = this.props;
    if (this.state.error !== null) {
      return (
        <section className="panel panel-crashed" role="alert" aria-label={`${name} (stopped)`}>
          <h2>{name}</h2>
          <p>
            This panel stopped working: {errorMessage(this.state.error)}. The rest of the page goes
            on; what was kept is still kept.
          </p>
          <button type="button" onClick={this.reset}>
            Reset the {name} panel
          </button>
        </section>
      );
    }
    return (
      <FaultPoint key={this.state.generation} name={name}>
        {children}
      </FaultPoint>
    );
  }
}
